import { describe, expect, it } from "vitest";
import { type RouteSessionInput, routeSession } from "./route-session";

const company = { id: "company", type: "company" } as const;
const otherCompany = { id: "owner", type: "company" } as const;
const privateUser = { id: "private", type: "private" } as const;
const employee = { id: "employee", type: "employee" } as const;

const session = (fields: Partial<RouteSessionInput>): RouteSessionInput => ({
  groupType: "other",
  payer: company,
  receiver: privateUser,
  costNet: 1000,
  margin: 100,
  tariffVatRate: "21",
  payerVatScope: "standard",
  receiverVatScope: "outside_scope",
  ...fields,
});

const cost = (
  customerId: string,
  lineKind: string,
  net: number,
  vatScope = "standard",
  vatRate = "21.00",
) => ({
  customerId,
  party: "payer",
  invoiceKind: "cost",
  lineKind,
  net,
  vatScope,
  vatRate,
});
const revenue = (customerId: string, net: number, vatScope = "outside_scope", vatRate = "0.00") => ({
  customerId,
  party: "receiver",
  invoiceKind: "self-bill",
  lineKind: "session_revenue",
  net,
  vatScope,
  vatRate,
});
const reimbursement = (net: number) => ({
  customerId: "employee",
  party: "receiver",
  invoiceKind: "reimbursement",
  lineKind: "home_reimbursement",
  net,
  vatScope: "outside_scope",
  vatRate: "0.00",
});

describe("routeSession (R40–R45)", () => {
  it.each([
    {
      name: "R41 other group: payer session cost, private receiver net − margin on a self-bill",
      input: session({}),
      lines: [cost("company", "session_cost", 1000), revenue("private", 900)],
    },
    {
      name: "R45 company receiver with valid VAT gets tariff VAT on its self-bill",
      input: session({ payer: privateUser, receiver: otherCompany, receiverVatScope: "standard" }),
      lines: [cost("private", "session_cost", 1000), revenue("owner", 900, "standard", "21.00")],
    },
    {
      name: "R46 reverse charge on both sides between EU businesses",
      input: session({
        receiver: otherCompany,
        payerVatScope: "reverse_charge",
        receiverVatScope: "reverse_charge",
      }),
      lines: [
        cost("company", "session_cost", 1000, "reverse_charge", "0.00"),
        revenue("owner", 900, "reverse_charge", "0.00"),
      ],
    },
    {
      name: "R41 margin above the cost: receiver revenue floors at zero and is left out",
      input: session({ costNet: 80, margin: 100 }),
      lines: [cost("company", "session_cost", 80)],
    },
    {
      name: "R41 zero tariff invoices nothing",
      input: session({ costNet: 0, margin: 0 }),
      lines: [],
    },
    {
      name: "R42 payer = receiver without margin: nothing",
      input: session({ payer: company, receiver: company, margin: 0 }),
      lines: [],
    },
    {
      name: "R42 payer = receiver with margin: only the margin",
      input: session({ payer: company, receiver: company, receiverVatScope: "standard" }),
      lines: [cost("company", "session_cost", 100)],
    },
    {
      name: "R42 employee paying at their own home charger: only the margin",
      input: session({ groupType: "home", payer: employee, receiver: employee }),
      lines: [cost("employee", "home_charging_margin", 100)],
    },
    {
      name: "R43 home group, employee receiver: company cost + margin, employee reimbursement",
      input: session({ groupType: "home", payer: company, receiver: employee }),
      lines: [
        cost("company", "home_charging_cost", 1000, "outside_scope", "0.00"),
        cost("company", "home_charging_margin", 100),
        reimbursement(1000),
      ],
    },
    {
      name: "R43 without margin: no margin line",
      input: session({ groupType: "home", payer: company, receiver: employee, margin: 0 }),
      lines: [cost("company", "home_charging_cost", 1000, "outside_scope", "0.00"), reimbursement(1000)],
    },
    {
      name: "R43 zero tariff with margin: only the margin",
      input: session({ groupType: "home", payer: company, receiver: employee, costNet: 0 }),
      lines: [cost("company", "home_charging_margin", 100)],
    },
    {
      name: "R43 margin for a reverse-charge company payer",
      input: session({
        groupType: "home",
        payer: company,
        receiver: employee,
        payerVatScope: "reverse_charge",
      }),
      lines: [
        cost("company", "home_charging_cost", 1000, "outside_scope", "0.00"),
        cost("company", "home_charging_margin", 100, "reverse_charge", "0.00"),
        reimbursement(1000),
      ],
    },
    {
      name: "R40 the payer pays whatever its type: private payer at an employee's home charger",
      input: session({ groupType: "home", payer: privateUser, receiver: employee, margin: 0 }),
      lines: [cost("private", "home_charging_cost", 1000, "outside_scope", "0.00"), reimbursement(1000)],
    },
    {
      name: "R44 home group with a private receiver: self-bill, not reimbursement",
      input: session({ groupType: "home", payer: company, receiver: privateUser }),
      lines: [cost("company", "session_cost", 1000), revenue("private", 900)],
    },
    {
      name: "R44 home group with a company receiver: self-bill",
      input: session({
        groupType: "home",
        payer: privateUser,
        receiver: otherCompany,
        receiverVatScope: "standard",
      }),
      lines: [cost("private", "session_cost", 1000), revenue("owner", 900, "standard", "21.00")],
    },
    {
      name: "R44 employee receiver in an other group: self-bill outside scope",
      input: session({ payer: company, receiver: employee }),
      lines: [cost("company", "session_cost", 1000), revenue("employee", 900)],
    },
  ])("$name", ({ input, lines }) => {
    expect(routeSession(input)).toEqual(lines);
  });

  it.each([
    ["negative cost", session({ costNet: -1 }), "validation_failed"],
    ["fractional margin", session({ margin: 0.5 }), "validation_failed"],
    ["invalid VAT rate", session({ tariffVatRate: "abc" }), "validation_failed"],
    [
      "reverse charge for a private payer",
      session({ payer: privateUser, payerVatScope: "reverse_charge" }),
      "business_rule",
    ],
    [
      "standard VAT on an employee's self-bill",
      session({ receiver: employee, receiverVatScope: "standard" }),
      "business_rule",
    ],
  ])("rejects %s", (_name, input, code) => {
    expect(() => routeSession(input)).toThrow(expect.objectContaining({ code }));
  });
});
