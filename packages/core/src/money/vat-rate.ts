import { AppError } from "../errors/app-error";
import { D } from "./decimal";

/** A VAT rate in percent, normalised to 2 decimals ("21.00"). */
export type VatRate = string;

export type VatRateCheck = { ok: true; rate: VatRate } | { ok: false; reason: "not_a_rate" | "out_of_range" };

// A few distinct rates are checked millions of times a month (every invoice line): answers are kept.
const checked = new Map<string, VatRateCheck>();

/** Checks a VAT percentage string (0–100, ≤ 2 decimals) and normalises it to 2 decimals. */
export function checkVatRate(input: unknown): VatRateCheck {
  if (typeof input !== "string") return { ok: false, reason: "not_a_rate" };
  let result = checked.get(input);
  if (!result) {
    result = check(input);
    if (checked.size < 1_000) checked.set(input, result);
  }
  return result;
}

function check(input: string): VatRateCheck {
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(input)) return { ok: false, reason: "not_a_rate" };
  const rate = new D(input);
  if (rate.gt(100)) return { ok: false, reason: "out_of_range" };
  return { ok: true, rate: rate.toFixed(2) };
}

/** Parses a VAT percentage string; throws `validation_failed` with the reason. */
export function parseVatRate(input: unknown, field = "vatRate"): VatRate {
  const result = checkVatRate(input);
  if (result.ok) return result.rate;
  throw new AppError("validation_failed", `${field} is not a valid VAT rate (${result.reason})`, {
    field,
    reason: result.reason,
  });
}
