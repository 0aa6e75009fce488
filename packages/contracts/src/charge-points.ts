import { z } from "zod";
import { sortQuery } from "./pagination";

/** R15: the OCPP identity, 1–48 characters of [A-Za-z0-9._:-]. */
export const chargePointIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,48}$/, "1–48 characters [A-Za-z0-9._:-]");

export const connectorInputSchema = z.strictObject({
  connectorId: z.number().int().min(1).max(99),
  standard: z.string().trim().min(1).max(40),
  powerType: z.enum(["ac1", "ac3", "dc"]),
  maxPowerW: z.number().int().min(1).max(2_000_000),
  evseId: z.string().trim().min(1).max(48).nullable().optional(),
});
export type ConnectorInput = z.infer<typeof connectorInputSchema>;

export const connectorSchema = z.object({
  connectorId: z.number().int(),
  evseId: z.string().nullable(),
  standard: z.string().nullable(),
  powerType: z.string().nullable(),
  maxPowerW: z.number().int().nullable(),
  status: z.string(),
  errorCode: z.string().nullable(),
  statusSince: z.iso.datetime().nullable(),
});

export const activationSchema = z.enum(["inactive", "active", "retired"]);

export const chargePointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    chargeGroupId: z.uuid().nullable(),
    ownerCustomerId: z.uuid().nullable(),
    subscriptionPayerCustomerId: z.uuid().nullable(),
    locationId: z.uuid().nullable(),
    gridId: z.uuid().nullable(),
    tariffOverrideId: z.uuid().nullable(),
    /** "online" | "offline" | "retired" for list views; `activation` and `online` carry the detail. */
    status: z.string(),
    activation: activationSchema,
    active: z.boolean(),
    online: z.boolean(),
    lastSeenAt: z.iso.datetime().nullable(),
    vendor: z.string().nullable(),
    model: z.string().nullable(),
    serialNumber: z.string().nullable(),
    firmwareVersion: z.string().nullable(),
    iccid: z.string().nullable(),
    imsi: z.string().nullable(),
    meterType: z.string().nullable(),
    ocppVersion: z.string().nullable(),
    phases: z.number().int().nullable(),
    maxCurrentA: z.number().int().nullable(),
    hasPassword: z.boolean(),
    connectors: z.array(connectorSchema),
  })
  .meta({ id: "ChargePoint" });
export type ChargePointDto = z.infer<typeof chargePointSchema>;

const settings = {
  name: z.string().trim().min(1).max(200),
  password: z.string().min(8).max(200),
  chargeGroupId: z.uuid().nullable(),
  ownerCustomerId: z.uuid().nullable(),
  subscriptionPayerCustomerId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  tariffOverrideId: z.uuid().nullable(),
  phases: z.union([z.literal(1), z.literal(3)]).nullable(),
  maxCurrentA: z.number().int().min(1).max(1000).nullable(),
};

export const createChargePointSchema = z.strictObject({
  id: chargePointIdSchema,
  name: settings.name.optional(),
  password: settings.password.optional(),
  chargeGroupId: settings.chargeGroupId.optional(),
  ownerCustomerId: settings.ownerCustomerId.optional(),
  subscriptionPayerCustomerId: settings.subscriptionPayerCustomerId.optional(),
  locationId: settings.locationId.optional(),
  tariffOverrideId: settings.tariffOverrideId.optional(),
  phases: settings.phases.optional(),
  maxCurrentA: settings.maxCurrentA.optional(),
  connectors: z.array(connectorInputSchema).max(32).optional(),
});
export type CreateChargePointInput = z.infer<typeof createChargePointSchema>;

export const updateChargePointSchema = z.strictObject({
  name: settings.name.optional(),
  password: settings.password.optional(),
  chargeGroupId: settings.chargeGroupId.optional(),
  ownerCustomerId: settings.ownerCustomerId.optional(),
  subscriptionPayerCustomerId: settings.subscriptionPayerCustomerId.optional(),
  locationId: settings.locationId.optional(),
  tariffOverrideId: settings.tariffOverrideId.optional(),
  phases: settings.phases.optional(),
  maxCurrentA: settings.maxCurrentA.optional(),
  connectors: z.array(connectorInputSchema).max(32).optional(),
});
export type UpdateChargePointInput = z.infer<typeof updateChargePointSchema>;

export const chargePointSortFields = ["id", "name", "online", "lastSeenAt", "createdAt"] as const;

export const chargePointListQuerySchema = z.object({
  ...sortQuery(chargePointSortFields),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().max(200).optional(),
  status: activationSchema.optional(),
  online: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  chargeGroupId: z.uuid().optional(),
});
export type ChargePointListQuery = z.infer<typeof chargePointListQuerySchema>;

/** Charge point detail page: the last `days` days (uptime from the connection history). */
export const chargePointStatsSchema = z
  .object({
    chargePointId: z.string(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    days: z.number().int(),
    uptime: z.object({
      /** Percentage with two decimals, e.g. "99.52"; null while no history covers the window. */
      percent: z.string().nullable(),
      onlineSeconds: z.number().int(),
      measuredSeconds: z.number().int(),
      /** Start of the measured part of the window (history may begin inside it). */
      since: z.iso.datetime().nullable(),
    }),
    /** Sessions started in the window (invalid ones excluded). */
    sessions: z.number().int(),
    energyWh: z.number().int(),
    /** Net session revenue (excl. VAT) of the completed ones, in minor units of `currency`. */
    revenue: z.number().int(),
    currency: z.string(),
  })
  .meta({ id: "ChargePointStats" });
export type ChargePointStats = z.infer<typeof chargePointStatsSchema>;

export const chargePointStatsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
});
