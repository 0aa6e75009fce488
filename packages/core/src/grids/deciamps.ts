import Decimal from "decimal.js";

/**
 * Load allocation works in integer deciamps (0.1 A): OCPP charging profiles take one decimal place and
 * integers add up exactly. Decimal reads a number through its shortest decimal form, so 4.35 A is 43 dA,
 * never 43.4999… → 42.
 */
export function toDeciampsFloor(amperes: number, what: string): number {
  return parse(amperes, what).times(10).floor().toNumber();
}

/** Rounds up; used for lower bounds (a minimum is never undercut) and measured draw. */
export function toDeciampsCeil(amperes: number, what: string): number {
  return parse(amperes, what).times(10).ceil().toNumber();
}

export function toAmperes(deciamps: number): number {
  return deciamps / 10;
}

function parse(amperes: number, what: string): Decimal {
  if (!Number.isFinite(amperes) || amperes < 0) throw new RangeError(`${what} must be a finite current ≥ 0`);
  return new Decimal(amperes);
}
