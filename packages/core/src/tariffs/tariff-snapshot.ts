import { z } from "zod";
import { AppError } from "../errors/app-error";
import { isCurrencyCode } from "../money/currency";
import { isMoney, type Money } from "../money/money";
import { checkPrice, type Price } from "../money/price";
import { checkVatRate, type VatRate } from "../money/vat-rate";

/** The tariff fields frozen on a transaction at start (R33, R34). Prices exclude VAT. */
export type TariffSnapshot = {
  startFee: Price;
  /** Per kWh. */
  energyPrice: Price;
  /** Per hour of charging time. */
  timePrice: Price;
  /** Per started-and-completed idle minute after the grace period. */
  idleFee: Price;
  idleGraceMinutes: number;
  /** Cap on the idle component in Money; null or absent = no cap. */
  idleFeeCap?: Money | null;
  /** Provider share per kWh (R41). */
  marginPerKwh: Price;
  /** Percent, "21.00". */
  vatRate: VatRate;
  currency: string;
};

const price = z.string().transform((input, ctx) => {
  const result = checkPrice(input);
  if (result.ok) return result.price;
  ctx.addIssue({ code: "custom", message: `invalid price (${result.reason})` });
  return z.NEVER;
});

/** Validates a snapshot and normalises its prices to 4 decimals and its VAT rate to 2. */
export const tariffSnapshotSchema = z.object({
  startFee: price,
  energyPrice: price,
  timePrice: price,
  idleFee: price,
  idleGraceMinutes: z.number().int().min(0).max(100_000),
  idleFeeCap: z
    .number()
    .refine((value) => isMoney(value) && value >= 0, "idleFeeCap must be non-negative Money")
    .nullable()
    .optional(),
  marginPerKwh: price,
  vatRate: z.string().transform((input, ctx) => {
    const result = checkVatRate(input);
    if (result.ok) return result.rate;
    ctx.addIssue({ code: "custom", message: `invalid VAT rate (${result.reason})` });
    return z.NEVER;
  }),
  currency: z.string().refine(isCurrencyCode, "currency must be an ISO 4217 code"),
});

/** Parses a tariff snapshot; throws `validation_failed` listing the invalid fields. */
export function parseTariffSnapshot(input: unknown): TariffSnapshot {
  const result = tariffSnapshotSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  throw new AppError("validation_failed", "invalid tariff snapshot", { issues });
}
