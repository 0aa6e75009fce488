import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../money/decimal";
import { whToKwh } from "./collect-session-lines";

describe("kWh on invoice lines", () => {
  it("formats Wh as kWh with three decimals exactly as decimal arithmetic does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (wh) => {
        expect(whToKwh(wh)).toBe(new D(wh).div(1000).toFixed(3));
      }),
      { numRuns: 2_000 },
    );
    expect([0, 5, 999, 1000, 12_345, -7].map(whToKwh)).toEqual([
      "0.000",
      "0.005",
      "0.999",
      "1.000",
      "12.345",
      "-0.007",
    ]);
  });
});
