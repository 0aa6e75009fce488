import { describe, expect, it } from "vitest";
import { currencyExponent } from "./currency";
import { D } from "./decimal";
import { fromMinorUnits, roundMinorUnits, sumMoney, toMinorUnits } from "./money";

describe("currencyExponent", () => {
  it.each([
    ["EUR", 2],
    ["GBP", 2],
    ["CHF", 2],
    ["JPY", 0],
    ["ISK", 0],
    ["KRW", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["TND", 3],
  ] as const)("%s has %i decimals", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it.each(["eur", "EU", "EURO", ""])("rejects %j", (currency) => {
    expect(() => currencyExponent(currency)).toThrow(/currency/);
  });
});

describe("toMinorUnits (half-up, R2)", () => {
  it.each([
    ["12.34", "EUR", 1234],
    ["12.345", "EUR", 1235],
    ["12.3449999", "EUR", 1234],
    ["0.005", "EUR", 1],
    ["0.0049", "EUR", 0],
    ["-0.005", "EUR", -1], // away from zero: a credit note is the exact negation
    ["-12.345", "EUR", -1235],
    ["1234.5", "JPY", 1235],
    ["1234.4", "JPY", 1234],
    ["1.2345", "KWD", 1235],
    ["1.2344", "KWD", 1234],
    ["0", "EUR", 0],
  ] as const)("%s %s → %i", (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
  });

  it("accepts a Decimal", () => {
    expect(toMinorUnits(new D("2.895"), "EUR")).toBe(290);
  });

  it.each(["abc", "1e400", "90071992547409.92"])("rejects %s", (amount) => {
    expect(() => toMinorUnits(amount, "EUR")).toThrow();
  });
});

describe("roundMinorUnits", () => {
  it.each([
    ["2894.5", 2895],
    ["2894.4999", 2894],
    ["-2894.5", -2895],
    ["0.5", 1],
  ] as const)("%s → %i", (amount, minor) => {
    expect(roundMinorUnits(amount)).toBe(minor);
  });
});

describe("fromMinorUnits", () => {
  it.each([
    [1235, "EUR", "12.35"],
    [5, "EUR", "0.05"],
    [-5, "EUR", "-0.05"],
    [0, "EUR", "0.00"],
    [1235, "JPY", "1235"],
    [1235, "KWD", "1.235"],
    [Number.MAX_SAFE_INTEGER, "EUR", "90071992547409.91"],
  ] as const)("%i %s → %s", (minor, currency, text) => {
    expect(fromMinorUnits(minor, currency)).toBe(text);
  });

  it.each([1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])("rejects %s", (minor) => {
    expect(() => fromMinorUnits(minor, "EUR")).toThrow(/minor units/);
  });
});

describe("sumMoney", () => {
  it.each([
    [[], 0],
    [[1, 2, 3], 6],
    [[100, -100], 0],
    [[Number.MAX_SAFE_INTEGER, -1], Number.MAX_SAFE_INTEGER - 1],
  ])("%j → %i", (amounts, total) => {
    expect(sumMoney(amounts)).toBe(total);
  });

  it.each([[[Number.MAX_SAFE_INTEGER, 1]], [[0.1, 0.2]], [[Number.NaN]]])("rejects %j", (amounts) => {
    expect(() => sumMoney(amounts)).toThrow();
  });
});

describe("negative zero", () => {
  it.each([["-0.001"], ["-0.4"], ["0"]])("roundMinorUnits(%s) is +0", (amount) => {
    expect(Object.is(roundMinorUnits(amount), 0)).toBe(true);
  });

  it("sumMoney([-0]) is +0", () => {
    expect(Object.is(sumMoney([-0]), 0)).toBe(true);
  });
});
