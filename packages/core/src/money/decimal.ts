import Decimal from "decimal.js";

/**
 * The one decimal type for money arithmetic (R1): a local clone, so nobody's global Decimal settings
 * leak in. 40 significant digits hold any safe-integer amount times any 4-decimal price exactly.
 * ROUND_HALF_UP rounds .5 away from zero (R2), so a credit note rounds to the exact negation.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;
