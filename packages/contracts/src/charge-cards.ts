import { z } from "zod";
import { sortQuery } from "./pagination";

export const chargeCardStatusSchema = z.enum(["active", "inactive", "blocked"]);

export const chargeCardSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    /** The RFID UID (OCPP idTag), upper-case hex. */
    rfid: z.string(),
    kind: z.enum(["rfid", "app"]),
    status: chargeCardStatusSchema,
    blockedReason: z.string().nullable(),
    customerId: z.uuid().nullable(),
    payerCustomerId: z.uuid().nullable(),
    roaming: z.boolean(),
    label: z.string().nullable(),
    validUntil: z.iso.datetime().nullable(),
  })
  .meta({ id: "ChargeCard" });
export type ChargeCardDto = z.infer<typeof chargeCardSchema>;

const rfid = z.string().trim().min(1).max(60);
const externalId = z.string().trim().min(1).max(60);

export const createChargeCardSchema = z.strictObject({
  externalId,
  rfid,
  kind: z.enum(["rfid", "app"]).default("rfid"),
  label: z.string().trim().max(200).nullable().optional(),
  validUntil: z.iso.datetime().nullable().optional(),
  roaming: z.boolean().default(false),
  customerId: z.uuid().optional(),
  payerCustomerId: z.uuid().optional(),
});
export type CreateChargeCardInput = z.infer<typeof createChargeCardSchema>;

export const updateChargeCardSchema = z.strictObject({
  roaming: z.boolean().optional(),
  label: z.string().trim().max(200).nullable().optional(),
  validUntil: z.iso.datetime().nullable().optional(),
});
export type UpdateChargeCardInput = z.infer<typeof updateChargeCardSchema>;

export const attachCardSchema = z.strictObject({
  customerId: z.uuid(),
  payerCustomerId: z.uuid().optional(),
});
export type AttachCardInput = z.infer<typeof attachCardSchema>;
export const blockCardSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const claimCardSchema = z.strictObject({ externalId });

export const chargeCardSortFields = [
  "externalId",
  "rfid",
  "label",
  "status",
  "validUntil",
  "createdAt",
] as const;

export const chargeCardListQuerySchema = z.object({
  ...sortQuery(chargeCardSortFields),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().max(200).optional(),
  status: chargeCardStatusSchema.optional(),
  customerId: z.uuid().optional(),
});
export type ChargeCardListQuery = z.infer<typeof chargeCardListQuerySchema>;

/** One refused line of a card import; `line` counts the header as line 1. */
export const cardImportRowErrorSchema = z
  .object({
    line: z.number().int(),
    field: z.string(),
    code: z.enum([
      "required",
      "invalid_rfid",
      "too_long",
      "invalid_date",
      "invalid_boolean",
      "payer_without_customer",
      "unknown_customer",
      "customer_not_active",
      "payer_not_allowed",
      "duplicate",
      "duplicate_in_file",
      "missing_column",
      "unknown_column",
      "empty_file",
      "too_many_rows",
      "malformed_row",
    ]),
    message: z.string(),
  })
  .meta({ id: "CardImportRowError" });
export type CardImportRowError = z.infer<typeof cardImportRowErrorSchema>;

export const cardImportQuerySchema = z.object({
  /** Validate only: nothing is written. */
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export const cardImportResultSchema = z
  .object({ dryRun: z.boolean(), imported: z.number().int(), attached: z.number().int() })
  .meta({ id: "CardImportResult" });
export type CardImportResult = z.infer<typeof cardImportResultSchema>;
