import { currencyExponent } from "./currency";
import { fromMinorUnits, type Money } from "./money";

/**
 * Formats Money for display ("€ 12,35" in nl-NL). The amount reaches Intl as an exact decimal string,
 * never as a float (R1); the decimals are the currency's ISO exponent.
 */
export function formatMoney(minor: Money, currency: string, locale = "nl-NL"): string {
  const digits = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl formats a decimal string exactly (ES2023 NumberFormat v3): no float on the way.
  return format.format(fromMinorUnits(minor, currency) as `${number}`);
}
