import { AppError } from "../errors/app-error";

/** ISO 4217 currencies without minor units. */
const zeroDecimalCurrencies = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "ISK",
  "JPY",
  "KMF",
  "KRW",
  "PYG",
  "RWF",
  "UGX",
  "UYI",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);

/** ISO 4217 currencies with three decimals. */
const threeDecimalCurrencies = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);

export type CurrencyExponent = 0 | 2 | 3;

/** Whether `code` looks like an ISO 4217 alphabetic code. */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === "string" && /^[A-Z]{3}$/.test(code);
}

/** Number of decimals of a currency's minor unit (EUR 2, JPY 0, KWD 3); all other codes have 2. */
export function currencyExponent(currency: string): CurrencyExponent {
  if (!isCurrencyCode(currency)) {
    throw new AppError("validation_failed", `not a currency code: ${String(currency)}`, {
      field: "currency",
      reason: "invalid_currency",
    });
  }
  if (zeroDecimalCurrencies.has(currency)) return 0;
  if (threeDecimalCurrencies.has(currency)) return 3;
  return 2;
}
