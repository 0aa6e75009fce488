import { z } from "zod";

/** Amperes per phase with at most one decimal (OCPP profiles take 0.1 A). */
const amperes = z
  .number()
  .min(0)
  .max(100_000)
  .refine((n) => Math.round(n * 10) === n * 10, { message: "at most one decimal" });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "HH:MM");

/** R24: on local weekdays (1 = Mon … 7 = Sun) from `from` to `to`; `from` ≥ `to` crosses midnight. */
export const timeOfUseSchema = z
  .strictObject({
    daysOfWeek: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: clock,
    to: clock,
    maxCurrentA: amperes,
  })
  .meta({ id: "TimeOfUseLimit" });
export type TimeOfUseInput = z.infer<typeof timeOfUseSchema>;

export const externalLimitSchema = z
  .object({ maxCurrentA: z.number(), expiresAt: z.string().nullable() })
  .meta({ id: "ExternalLimit" });

export const gridSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** Amperes per phase. */
    maxCurrent: z.number(),
    parentId: z.uuid().nullable(),
    phases: z.union([z.literal(1), z.literal(3)]),
    minCurrentPerVehicleA: z.number(),
    timeOfUse: z.array(timeOfUseSchema),
    externalLimit: externalLimitSchema.nullable(),
    chargePointIds: z.array(z.string()),
    /** Charge points in this grid that refused a charging profile; their sessions count at their maximum. */
    rejectingChargePointIds: z.array(z.string()),
  })
  .meta({ id: "Grid" });
export type GridView = z.infer<typeof gridSchema>;

export const gridListSchema = z.object({
  items: z.array(gridSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const createGridBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  maxCurrent: amperes,
  parentId: z.uuid().nullable().optional(),
  phases: z.union([z.literal(1), z.literal(3)]).default(3),
  minCurrentPerVehicleA: amperes.optional(),
  timeOfUse: z.array(timeOfUseSchema).max(50).default([]),
});
export type CreateGridInput = z.infer<typeof createGridBodySchema>;

export const updateGridBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    maxCurrent: amperes.optional(),
    parentId: z.uuid().nullable().optional(),
    phases: z.union([z.literal(1), z.literal(3)]).optional(),
    minCurrentPerVehicleA: amperes.optional(),
    timeOfUse: z.array(timeOfUseSchema).max(50).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "nothing to change" });
export type UpdateGridInput = z.infer<typeof updateGridBodySchema>;

export const setExternalLimitBodySchema = z.strictObject({
  maxCurrentA: amperes,
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type SetExternalLimitInput = z.infer<typeof setExternalLimitBodySchema>;

export const gridChargePointBodySchema = z.strictObject({ chargePointId: z.string().trim().min(1).max(48) });

export const connectorAllocationSchema = z
  .object({
    chargePointId: z.string(),
    connectorId: z.number().int(),
    transactionId: z.number().int(),
    gridId: z.uuid(),
    /** Amperes per phase the allocation gives the connector (0 when paused). */
    limitA: z.number(),
    /** Highest measured phase current, null when unknown. */
    measuredA: z.number().nullable(),
    paused: z.boolean(),
    /** The limit last sent and what the charger answered. */
    sentLimitA: z.number().nullable(),
    profileStatus: z.string().nullable(),
    /** The charger refused profiles: counted at its maximum. */
    rejectsProfiles: z.boolean(),
  })
  .meta({ id: "ConnectorAllocation" });

export const gridAllocationSchema = z
  .object({
    gridId: z.uuid(),
    at: z.string(),
    /** The effective limit now (R24): own, time-of-use, external, ancestors. */
    limitA: z.number(),
    phaseLoads: z.tuple([z.number(), z.number(), z.number()]),
    connectors: z.array(connectorAllocationSchema),
  })
  .meta({ id: "GridAllocation" });
export type GridAllocationView = z.infer<typeof gridAllocationSchema>;

export const gridLoadQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const gridLoadSampleSchema = z
  .object({
    at: z.string(),
    phaseLoads: z.tuple([z.number(), z.number(), z.number()]),
    measuredA: z.number().nullable(),
    limitA: z.number(),
    sessions: z.number().int(),
  })
  .meta({ id: "GridLoadSample" });

export const gridLoadSchema = z.object({ gridId: z.uuid(), items: z.array(gridLoadSampleSchema) });
