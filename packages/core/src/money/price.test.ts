import { describe, expect, it } from "vitest";
import { checkPrice, parsePrice, priceSchema } from "./price";
import { checkVatRate } from "./vat-rate";

describe("parsePrice", () => {
  it.each([
    ["0.35", "0.3500"],
    ["0.3500", "0.3500"],
    ["0.2345", "0.2345"],
    ["12", "12.0000"],
    ["007.5", "7.5000"],
    ["0", "0.0000"],
    ["-0", "0.0000"],
    ["999999999999.9999", "999999999999.9999"],
  ])("%s → %s", (input, price) => {
    expect(parsePrice(input)).toBe(price);
  });

  it.each([
    ["0.12345", "too_many_decimals"],
    ["0.30000000000000004", "too_many_decimals"],
    ["-0.10", "negative"],
    ["1e-3", "not_a_decimal"],
    ["1,50", "not_a_decimal"],
    [" 1.50", "not_a_decimal"],
    ["+1.50", "not_a_decimal"],
    [".5", "not_a_decimal"],
    ["1.", "not_a_decimal"],
    ["", "not_a_decimal"],
    ["NaN", "not_a_decimal"],
    ["1000000000000", "too_large"],
    [0.35, "not_a_string"],
    [null, "not_a_string"],
  ])("rejects %j (%s)", (input, reason) => {
    expect(checkPrice(input)).toEqual({ ok: false, reason });
    expect(() => parsePrice(input)).toThrow(reason);
  });

  it("allows negatives when asked", () => {
    expect(parsePrice("-0.1", { allowNegative: true })).toBe("-0.1000");
  });

  it("zod schema normalises and rejects", () => {
    expect(priceSchema.parse("1.5")).toBe("1.5000");
    expect(priceSchema.safeParse("1.55555").success).toBe(false);
  });
});

describe("checkVatRate", () => {
  it.each([
    ["21", { ok: true, rate: "21.00" }],
    ["21.00", { ok: true, rate: "21.00" }],
    ["5.5", { ok: true, rate: "5.50" }],
    ["0", { ok: true, rate: "0.00" }],
    ["100", { ok: true, rate: "100.00" }],
    ["100.01", { ok: false, reason: "out_of_range" }],
    ["21.005", { ok: false, reason: "not_a_rate" }],
    ["-21", { ok: false, reason: "not_a_rate" }],
    ["21%", { ok: false, reason: "not_a_rate" }],
    [21, { ok: false, reason: "not_a_rate" }],
  ])("%j → %j", (input, result) => {
    expect(checkVatRate(input)).toEqual(result);
  });
});
