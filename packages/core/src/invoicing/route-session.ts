import { AppError } from "../errors/app-error";
import { assertMoney, type Money } from "../money/money";
import { parseVatRate, type VatRate } from "../money/vat-rate";
import type { CustomerType, VatScope } from "./vat";

export type InvoiceKind = "cost" | "self-bill" | "reimbursement";
export type SessionLineKind =
  | "session_cost"
  | "session_revenue"
  | "home_charging_cost"
  | "home_charging_margin"
  | "home_reimbursement";

export type RouteSessionInput = {
  groupType: "home" | "other";
  payer: { id: string; type: CustomerType };
  receiver: { id: string; type: CustomerType };
  costNet: Money;
  margin: Money;
  tariffVatRate: string;
  /** The payer's cost-invoice scope, from `decideVatScope` (R46). */
  payerVatScope: VatScope;
  /** The receiver's self-bill scope, from `selfBillVatScope` (R45); unused on reimbursements. */
  receiverVatScope: VatScope;
};

export type RoutedLine = {
  customerId: string;
  /** Which side of the session the line belongs to (Transaction.payerLineId / receiverLineId, R53). */
  party: "payer" | "receiver";
  invoiceKind: InvoiceKind;
  lineKind: SessionLineKind;
  net: Money;
  vatScope: VatScope;
  vatRate: VatRate;
};

/**
 * The invoice lines one billable session yields (R40–R45). The card's payer pays, the charger's
 * receiver receives, whatever their type (R40). Lines with a zero net are left out (R54: a zero
 * tariff invoices nothing, W4.6).
 */
export function routeSession(input: RouteSessionInput): RoutedLine[] {
  const costNet = assertMoney(input.costNet, "costNet");
  const margin = assertMoney(input.margin, "margin");
  checkScopes(input);
  const tariffVatRate = parseVatRate(input.tariffVatRate, "tariffVatRate");
  const rateFor = (scope: VatScope) => (scope === "standard" ? tariffVatRate : "0.00");
  const payerLine = (lineKind: SessionLineKind, net: Money, vatScope: VatScope): RoutedLine => ({
    customerId: input.payer.id,
    party: "payer",
    invoiceKind: "cost",
    lineKind,
    net,
    vatScope,
    vatRate: rateFor(vatScope),
  });
  const homeWithEmployee = input.groupType === "home" && input.receiver.type === "employee";

  let lines: RoutedLine[];
  if (input.payer.id === input.receiver.id) {
    // R42: paying oneself cancels out; only the provider's margin is invoiced.
    lines = [
      payerLine(homeWithEmployee ? "home_charging_margin" : "session_cost", margin, input.payerVatScope),
    ];
  } else if (homeWithEmployee) {
    // R43: the tariff is the agreed home rate; the employee gets it back in full, the payer also
    // pays the provider's margin on top, with VAT.
    lines = [
      payerLine("home_charging_cost", costNet, "outside_scope"),
      payerLine("home_charging_margin", margin, input.payerVatScope),
      {
        customerId: input.receiver.id,
        party: "receiver",
        invoiceKind: "reimbursement",
        lineKind: "home_reimbursement",
        net: costNet,
        vatScope: "outside_scope",
        vatRate: "0.00",
      },
    ];
  } else {
    // R41, R44: any other receiver gets its revenue minus the margin on a self-bill.
    lines = [
      payerLine("session_cost", costNet, input.payerVatScope),
      {
        customerId: input.receiver.id,
        party: "receiver",
        invoiceKind: "self-bill",
        lineKind: "session_revenue",
        net: Math.max(0, costNet - margin),
        vatScope: input.receiverVatScope,
        vatRate: rateFor(input.receiverVatScope),
      },
    ];
  }
  return lines.filter((line) => line.net > 0);
}

/** Guards against scopes that R45/R46 can never produce for these customer types. */
function checkScopes(input: RouteSessionInput): void {
  if (input.payerVatScope === "reverse_charge" && input.payer.type !== "company") {
    throw new AppError("business_rule", "reverse charge only for company payers", { rule: "R46" });
  }
  if (input.receiverVatScope !== "outside_scope" && input.receiver.type !== "company") {
    throw new AppError("business_rule", "self-bills of private users and employees are outside VAT scope", {
      rule: "R45",
    });
  }
}
