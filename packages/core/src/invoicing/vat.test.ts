import { describe, expect, it } from "vitest";
import { euMemberStates, isEuMemberState } from "./eu-member-states";
import { decideVatScope, selfBillVatScope, type VatLine, vatBreakdown } from "./vat";

const line = (net: number, vatScope: VatLine["vatScope"] = "standard", vatRate = "21.00"): VatLine => ({
  net,
  vatScope,
  vatRate,
});

describe("vatBreakdown (R2)", () => {
  it.each([
    {
      name: "no lines",
      lines: [],
      result: { rows: [], netTotal: 0, vatTotal: 0, total: 0 },
    },
    {
      name: "VAT on the group's net sum, not per line: 3 × 0.21 c",
      lines: [line(1), line(1), line(1)],
      result: {
        rows: [{ scope: "standard", rate: "21.00", net: 3, vat: 1 }],
        netTotal: 3,
        vatTotal: 1,
        total: 4,
      },
    },
    {
      name: "exactly half a cent rounds up: 50 × 21 % = 10.5",
      lines: [line(50)],
      result: {
        rows: [{ scope: "standard", rate: "21.00", net: 50, vat: 11 }],
        netTotal: 50,
        vatTotal: 11,
        total: 61,
      },
    },
    {
      name: "credit note: half a cent rounds away from zero",
      lines: [line(-50)],
      result: {
        rows: [{ scope: "standard", rate: "21.00", net: -50, vat: -11 }],
        netTotal: -50,
        vatTotal: -11,
        total: -61,
      },
    },
    {
      name: "rates are normalised before grouping",
      lines: [line(1000, "standard", "21"), line(1000, "standard", "21.00"), line(1000, "standard", "9")],
      result: {
        rows: [
          { scope: "standard", rate: "21.00", net: 2000, vat: 420 },
          { scope: "standard", rate: "9.00", net: 1000, vat: 90 },
        ],
        netTotal: 3000,
        vatTotal: 510,
        total: 3510,
      },
    },
    {
      name: "scopes apart, no VAT on reverse charge and outside scope",
      lines: [
        line(5000, "outside_scope", "0.00"),
        line(2000, "reverse_charge", "21.00"),
        line(1234, "standard", "5.5"),
      ],
      result: {
        rows: [
          { scope: "standard", rate: "5.50", net: 1234, vat: 68 },
          { scope: "reverse_charge", rate: "0.00", net: 2000, vat: 0 },
          { scope: "outside_scope", rate: "0.00", net: 5000, vat: 0 },
        ],
        netTotal: 8234,
        vatTotal: 68,
        total: 8302,
      },
    },
    {
      name: "large amounts stay exact",
      lines: [line(4_000_000_000_000), line(4_000_000_000_001)],
      result: {
        rows: [{ scope: "standard", rate: "21.00", net: 8_000_000_000_001, vat: 1_680_000_000_000 }],
        netTotal: 8_000_000_000_001,
        vatTotal: 1_680_000_000_000,
        total: 9_680_000_000_001,
      },
    },
  ])("$name", ({ lines, result }) => {
    expect(vatBreakdown(lines)).toEqual(result);
  });

  it.each([
    ["a float net", [line(10.5)]],
    ["an invalid rate", [line(100, "standard", "21%")]],
    ["an unknown scope", [{ net: 100, vatScope: "zero" as "standard", vatRate: "0" }]],
  ])("rejects %s", (_name, lines) => {
    expect(() => vatBreakdown(lines)).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });
});

const nl = { country: "NL", vatNumber: "NL123456789B01", vatValid: true };
const be = { country: "BE", vatNumber: "BE0123456789", vatValid: true };
const gr = { country: "GR", vatNumber: "EL123456789", vatValid: true };
const ch = { country: "CH", vatNumber: "CHE123456789", vatValid: true };

describe("decideVatScope (R46)", () => {
  it.each([
    ["company in another EU state, both valid", nl, { ...be, type: "company" }, "reverse_charge"],
    ["company in the same state", nl, { ...nl, vatNumber: "NL987654321B01", type: "company" }, "standard"],
    ["customer VAT number not valid (VIES)", nl, { ...be, vatValid: false, type: "company" }, "standard"],
    ["customer without VAT number", nl, { ...be, vatNumber: null, type: "company" }, "standard"],
    ["supplier VAT number not valid", { ...nl, vatValid: false }, { ...be, type: "company" }, "standard"],
    ["private user abroad", nl, { ...be, type: "private" }, "standard"],
    ["employee abroad with a VAT number", nl, { ...be, type: "employee" }, "standard"],
    ["company outside the EU", nl, { ...ch, type: "company" }, "standard"],
    ["Greece by its VAT prefix", nl, { ...gr, type: "company" }, "reverse_charge"],
  ] as const)("%s → %s", (_name, supplier, customer, scope) => {
    expect(decideVatScope({ supplier, customer })).toBe(scope);
  });
});

describe("selfBillVatScope (R45)", () => {
  it.each([
    [
      "company with valid VAT, same state",
      { ...nl, vatNumber: "NL987654321B01", type: "company" },
      "standard",
    ],
    ["company with valid VAT, other EU state", { ...be, type: "company" }, "reverse_charge"],
    ["company without valid VAT", { ...nl, vatValid: false, type: "company" }, "outside_scope"],
    ["private user", { country: "NL", vatValid: false, type: "private" }, "outside_scope"],
    ["employee, even with a VAT number", { ...nl, type: "employee" }, "outside_scope"],
  ] as const)("%s → %s", (_name, receiver, scope) => {
    expect(selfBillVatScope(receiver, nl)).toBe(scope);
  });
});

describe("EU member states", () => {
  it("has 27 members", () => {
    expect(euMemberStates.size).toBe(27);
  });

  it.each([
    ["NL", true],
    ["nl", true],
    ["EL", true],
    ["GR", true],
    ["GB", false],
    ["XI", false],
    ["CH", false],
    ["NO", false],
  ])("%s → %s", (country, member) => {
    expect(isEuMemberState(country)).toBe(member);
  });
});
