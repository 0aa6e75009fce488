import { AppError } from "../errors/app-error";
import { D } from "../money/decimal";
import { type Money, roundMinorUnits, sumMoney } from "../money/money";
import { parseVatRate, type VatRate } from "../money/vat-rate";
import { isEuMemberState } from "./eu-member-states";

export type VatScope = "standard" | "reverse_charge" | "outside_scope";
export type CustomerType = "private" | "company" | "employee";

/** A party's VAT position; `vatValid` = its VAT entity was checked `valid` against VIES (R13). */
export type VatParty = { country: string; vatNumber?: string | null; vatValid: boolean };

export type VatLine = { net: Money; vatScope: VatScope; vatRate: string };
export type VatBreakdownRow = { scope: VatScope; rate: VatRate; net: Money; vat: Money };
export type VatBreakdown = { rows: VatBreakdownRow[]; netTotal: Money; vatTotal: Money; total: Money };

const scopeOrder: readonly VatScope[] = ["standard", "reverse_charge", "outside_scope"];

/**
 * R2: VAT per invoice per (scope, rate), computed on the group's net sum and rounded half-up (away
 * from zero, so a credit note is the exact negation). Reverse-charge and out-of-scope lines carry no
 * VAT and are grouped at rate "0.00". Rows: standard, reverse charge, outside scope; higher rates first.
 */
export function vatBreakdown(lines: readonly VatLine[]): VatBreakdown {
  const groups = new Map<string, { scope: VatScope; rate: VatRate; nets: Money[] }>();
  for (const line of lines) {
    if (!scopeOrder.includes(line.vatScope)) {
      throw new AppError("validation_failed", `unknown VAT scope ${String(line.vatScope)}`, {
        field: "vatScope",
      });
    }
    const rate = line.vatScope === "standard" ? parseVatRate(line.vatRate) : "0.00";
    const key = `${line.vatScope}|${rate}`;
    const group = groups.get(key) ?? { scope: line.vatScope, rate, nets: [] };
    group.nets.push(line.net);
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .map(({ scope, rate, nets }) => {
      const net = sumMoney(nets);
      const vat = scope === "standard" ? roundMinorUnits(new D(net).times(rate).div(100)) : 0;
      return { scope, rate, net, vat };
    })
    .sort((a, b) => scopeOrder.indexOf(a.scope) - scopeOrder.indexOf(b.scope) || new D(b.rate).cmp(a.rate));
  const netTotal = sumMoney(rows.map((row) => row.net));
  const vatTotal = sumMoney(rows.map((row) => row.vat));
  return { rows, netTotal, vatTotal, total: sumMoney([netTotal, vatTotal]) };
}

/**
 * R46: reverse charge only when the customer is a company and both sides hold a valid VAT number in
 * different EU member states; never for private users or employees. Otherwise standard VAT.
 */
export function decideVatScope(parties: {
  supplier: VatParty;
  customer: VatParty & { type: CustomerType };
}): "standard" | "reverse_charge" {
  const { supplier, customer } = parties;
  if (customer.type !== "company") return "standard";
  if (!hasValidVatNumber(supplier) || !hasValidVatNumber(customer)) return "standard";
  if (!isEuMemberState(supplier.country) || !isEuMemberState(customer.country)) return "standard";
  return sameCountry(supplier.country, customer.country) ? "standard" : "reverse_charge";
}

/**
 * R45: on a self-bill the receiver is the supplier and the provider the customer. A company receiver
 * with a valid VAT number charges VAT (standard, or reverse charge per R46); private users, employees
 * and (our reading) companies without a valid VAT number are outside the VAT scope.
 */
export function selfBillVatScope(receiver: VatParty & { type: CustomerType }, provider: VatParty): VatScope {
  if (receiver.type !== "company" || !hasValidVatNumber(receiver)) return "outside_scope";
  return decideVatScope({ supplier: receiver, customer: { ...provider, type: "company" } });
}

function hasValidVatNumber(party: VatParty): boolean {
  return party.vatValid && typeof party.vatNumber === "string" && party.vatNumber.trim() !== "";
}

function sameCountry(a: string, b: string): boolean {
  const normalise = (code: string) => (code.trim().toUpperCase() === "EL" ? "GR" : code.trim().toUpperCase());
  return normalise(a) === normalise(b);
}
