import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type VatLine, vatBreakdown } from "./vat";

const lineArbitrary = fc.record({
  net: fc.integer({ min: 0, max: 10_000_000 }),
  vatScope: fc.constantFrom("standard", "reverse_charge", "outside_scope"),
  vatRate: fc.constantFrom("21.00", "9", "0", "5.5"),
}) as fc.Arbitrary<VatLine>;

describe("vatBreakdown properties (R2)", () => {
  it("a credit note (all nets negated) is the exact negation", () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { maxLength: 20 }), (lines) => {
        const debit = vatBreakdown(lines);
        const credit = vatBreakdown(lines.map((line) => ({ ...line, net: -line.net })));
        expect(credit.total).toBe(0 - debit.total);
        expect(credit.vatTotal).toBe(0 - debit.vatTotal);
        expect(credit.rows.map((row) => row.vat)).toEqual(debit.rows.map((row) => 0 - row.vat));
      }),
    );
  });

  it("totals add up and line order does not matter", () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { maxLength: 20 }), (lines) => {
        const result = vatBreakdown(lines);
        expect(result.netTotal).toBe(lines.reduce((sum, line) => sum + line.net, 0));
        expect(result.total).toBe(result.netTotal + result.vatTotal);
        expect(vatBreakdown(lines.toReversed())).toEqual(result);
      }),
    );
  });
});
