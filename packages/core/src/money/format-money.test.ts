import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";

// ICU puts no-break spaces in currency formats; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it.each([
    [1235, "EUR", "nl-NL", "€ 12,35"],
    [-1235, "EUR", "nl-NL", "€ -12,35"],
    [123456789, "EUR", "nl-NL", "€ 1.234.567,89"],
    [1235, "EUR", "en-GB", "€12.35"],
    [1235, "EUR", "de-DE", "12,35 €"],
    [5, "EUR", "en-GB", "€0.05"],
    [1235, "JPY", "en-US", "¥1,235"],
    [1235, "KWD", "en-US", "KWD 1.235"],
    [Number.MAX_SAFE_INTEGER, "EUR", "en-GB", "€90,071,992,547,409.91"],
  ])("%i %s in %s → %s", (minor, currency, locale, text) => {
    expect(plain(formatMoney(minor, currency, locale))).toBe(text);
  });

  it("defaults to nl-NL", () => {
    expect(plain(formatMoney(100, "EUR"))).toBe("€ 1,00");
  });
});
