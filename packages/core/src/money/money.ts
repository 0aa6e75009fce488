import { AppError } from "../errors/app-error";
import { currencyExponent } from "./currency";
import { D, type Dec } from "./decimal";

/** An amount in integer minor units (cents for EUR) of one currency; a JS safe integer (R1). */
export type Money = number;

/** Whether `value` is a valid Money amount (a safe integer, sign not checked). */
export function isMoney(value: unknown): value is Money {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Throws `validation_failed` unless `value` is Money (and ≥ 0 unless negatives are allowed). */
export function assertMoney(value: unknown, field: string, options: { allowNegative?: boolean } = {}): Money {
  if (!isMoney(value)) {
    throw new AppError("validation_failed", `${field} must be an integer amount in minor units`, {
      field,
      reason: "not_money",
    });
  }
  if (value < 0 && !options.allowNegative) {
    throw new AppError("validation_failed", `${field} must not be negative`, { field, reason: "negative" });
  }
  return value;
}

/** Rounds an exact amount already expressed in minor units half-up to Money (R2). */
export function roundMinorUnits(amountInMinorUnits: Dec | string): Money {
  const rounded = new D(amountInMinorUnits).toDecimalPlaces(0, D.ROUND_HALF_UP);
  return checkSafe(rounded, "amount");
}

/** Converts a major-unit decimal ("12.345" EUR) to Money, rounding half-up (R2): 1235. */
export function toMinorUnits(amount: Dec | string, currency: string): Money {
  const exact = new D(amount);
  if (!exact.isFinite()) {
    throw new AppError("validation_failed", "amount must be a finite decimal", {
      field: "amount",
      reason: "not_finite",
    });
  }
  return roundMinorUnits(exact.times(new D(10).pow(currencyExponent(currency))));
}

/** Converts Money to its exact major-unit decimal string with the currency's decimals (1235 → "12.35"). */
export function fromMinorUnits(minor: Money, currency: string): string {
  assertMoney(minor, "amount", { allowNegative: true });
  const exponent = currencyExponent(currency);
  return new D(minor).div(new D(10).pow(exponent)).toFixed(exponent);
}

/** Exact sum of Money amounts; throws if the total leaves the safe-integer range. */
export function sumMoney(amounts: readonly Money[]): Money {
  let total = 0n;
  for (const amount of amounts) total += BigInt(assertMoney(amount, "amount", { allowNegative: true }));
  return checkSafe(new D(total.toString()), "sum");
}

function checkSafe(value: Dec, field: string): Money {
  const asNumber = value.toNumber();
  if (!Number.isSafeInteger(asNumber) || !value.eq(asNumber)) {
    throw new AppError("validation_failed", `${field} is out of the safe range for money`, {
      field,
      reason: "out_of_range",
    });
  }
  return asNumber === 0 ? 0 : asNumber; // never -0
}
