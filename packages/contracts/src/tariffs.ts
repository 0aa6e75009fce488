import { z } from "zod";
import { sortQuery } from "./pagination";

/** A price as a decimal string with at most 4 decimals ("0.35", "0.3500"); answers carry 4. */
export const priceStringSchema = z
  .string()
  .regex(/^\d{1,8}(\.\d{1,4})?$/, "a decimal string with ≤ 4 decimals");
/** A VAT percentage ("21", "21.00"); answers carry 2 decimals. */
export const vatRateStringSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "a percentage with ≤ 2 decimals");

export const tariffSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    currency: z.string(),
    startFee: z.string(),
    energyPrice: z.string(),
    timePrice: z.string(),
    idleFee: z.string(),
    idleGraceMinutes: z.number().int(),
    idleFeeCap: z.number().int().nullable(),
    marginPerKwh: z.string(),
    vatRate: z.string(),
    validFrom: z.iso.datetime().nullable(),
    validTo: z.iso.datetime().nullable(),
    version: z.number().int(),
    status: z.enum(["active", "archived"]),
  })
  .meta({ id: "Tariff" });
export type TariffDto = z.infer<typeof tariffSchema>;

const tariffFields = {
  name: z.string().trim().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/),
  startFee: priceStringSchema,
  energyPrice: priceStringSchema,
  timePrice: priceStringSchema,
  idleFee: priceStringSchema,
  idleGraceMinutes: z.number().int().min(0).max(100_000),
  idleFeeCap: z.number().int().min(0).nullable(),
  marginPerKwh: priceStringSchema,
  vatRate: vatRateStringSchema,
  validFrom: z.iso.datetime().nullable(),
  validTo: z.iso.datetime().nullable(),
};

export const createTariffSchema = z.strictObject({
  ...tariffFields,
  currency: tariffFields.currency.optional(),
  startFee: tariffFields.startFee.default("0"),
  timePrice: tariffFields.timePrice.default("0"),
  idleFee: tariffFields.idleFee.default("0"),
  idleGraceMinutes: tariffFields.idleGraceMinutes.default(0),
  idleFeeCap: tariffFields.idleFeeCap.optional(),
  marginPerKwh: tariffFields.marginPerKwh.default("0"),
  validFrom: tariffFields.validFrom.optional(),
  validTo: tariffFields.validTo.optional(),
});
export type CreateTariffInput = z.infer<typeof createTariffSchema>;

export const updateTariffSchema = z.strictObject(tariffFields).partial();
export type UpdateTariffInput = z.infer<typeof updateTariffSchema>;

export const tariffSortFields = ["name", "currency", "status", "validFrom", "createdAt"] as const;

export const tariffListQuerySchema = z.object({
  ...sortQuery(tariffSortFields),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().max(200).optional(),
  status: z.enum(["active", "archived"]).optional(),
});
export type TariffListQuery = z.infer<typeof tariffListQuerySchema>;
