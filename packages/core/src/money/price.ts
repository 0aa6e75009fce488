import { z } from "zod";
import { AppError } from "../errors/app-error";
import { D } from "./decimal";

/** A unit price excluding VAT: a decimal string with exactly 4 decimals once parsed ("0.3500") (R1). */
export type Price = string;

export type PriceOptions = { allowNegative?: boolean };

export type PriceCheck =
  | { ok: true; price: Price }
  | { ok: false; reason: "not_a_string" | "not_a_decimal" | "too_many_decimals" | "too_large" | "negative" };

// Plain decimal notation only: no exponent, no thousands separators, no leading "+", no float output.
const decimalPattern = /^-?(\d{1,12})(?:\.(\d{1,}))?$/;

/** Checks a price string and normalises it to 4 decimals ("0.35" → "0.3500"), without throwing. */
export function checkPrice(input: unknown, options: PriceOptions = {}): PriceCheck {
  // R1: a JS number may already carry a binary rounding error, so only strings are accepted.
  if (typeof input !== "string") return { ok: false, reason: "not_a_string" };
  const match = decimalPattern.exec(input);
  if (!match) return { ok: false, reason: /^-?\d{13,}/.test(input) ? "too_large" : "not_a_decimal" };
  if ((match[2]?.length ?? 0) > 4) return { ok: false, reason: "too_many_decimals" };
  const value = new D(input);
  if (value.isNegative() && !value.isZero() && !options.allowNegative)
    return { ok: false, reason: "negative" };
  return { ok: true, price: (value.isZero() ? new D(0) : value).toFixed(4) };
}

/** Parses a price string, normalised to 4 decimals; throws `validation_failed` with the reason. */
export function parsePrice(input: unknown, options: PriceOptions & { field?: string } = {}): Price {
  const result = checkPrice(input, options);
  if (result.ok) return result.price;
  const field = options.field ?? "price";
  throw new AppError("validation_failed", `${field} is not a valid price (${result.reason})`, {
    field,
    reason: result.reason,
  });
}

/** zod schema for a non-negative price; the output is normalised to 4 decimals. */
export const priceSchema = z.string().transform((input, ctx) => {
  const result = checkPrice(input);
  if (result.ok) return result.price;
  ctx.addIssue({ code: "custom", message: `invalid price (${result.reason})` });
  return z.NEVER;
});
