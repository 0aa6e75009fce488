import { z } from "zod";
import { pageOf, sortQuery } from "./pagination";

export const transactionStatusSchema = z.enum(["active", "completed", "invalid"]);

/** API.md `transactions`: cost is Money in minor units of `currency` (R1), energy integer Wh. */
export const transactionSchema = z
  .object({
    id: z.string(),
    ocppTransactionId: z.number().int(),
    chargePointId: z.string(),
    connectorId: z.number().int(),
    evseId: z.string().nullable(),
    chargeCardId: z.string().nullable(),
    idTag: z.string(),
    startedAt: z.date(),
    stoppedAt: z.date().nullable(),
    meterStartWh: z.number().int(),
    meterStopWh: z.number().int().nullable(),
    energyWh: z.number().int(),
    chargingSeconds: z.number().int(),
    idleSeconds: z.number().int(),
    cost: z.number().int().nullable(),
    currency: z.string().nullable(),
    userCustomerId: z.string().nullable(),
    payerCustomerId: z.string().nullable(),
    receiverCustomerId: z.string().nullable(),
    status: transactionStatusSchema,
    stopReason: z.string().nullable(),
    billable: z.boolean(),
    notBillableReason: z.string().nullable(),
  })
  .meta({ id: "Transaction" });
export type TransactionView = z.infer<typeof transactionSchema>;

export const transactionSortFields = [
  "startedAt",
  "stoppedAt",
  "chargePointId",
  "energyWh",
  "cost",
  "status",
] as const;

export const transactionListQuerySchema = z.object({
  ...sortQuery(transactionSortFields),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  customerId: z.uuid().optional(),
  chargePointId: z.string().min(1).max(48).optional(),
  status: transactionStatusSchema.optional(),
  format: z
    .enum(["json", "csv", "xlsx"])
    .default("json")
    .describe(
      "csv or xlsx: every matching row in the requested order as a file (xlsx: cost in currency units with 2 decimals)",
    ),
});
export type TransactionListQuery = z.infer<typeof transactionListQuerySchema>;
/**
 * `total` is exact while `totalExact` is true; above a bound (a provider's whole history) it is the
 * database's estimate, so that counting never slows a page (bench/RESULTS.md "Reports").
 */
export const transactionPageSchema = pageOf(transactionSchema).extend({
  totalExact: z.boolean().describe("false when total is an estimate (very large unfiltered lists)"),
});
export type TransactionPage = z.infer<typeof transactionPageSchema>;

export const meterSeriesPointSchema = z.object({
  sampledAt: z.date(),
  measurand: z.string(),
  phase: z.string().nullable(),
  value: z.string(),
  unit: z.string().nullable(),
});
export const transactionDetailSchema = transactionSchema.extend({
  costStartFee: z.number().int().nullable(),
  costEnergy: z.number().int().nullable(),
  costTime: z.number().int().nullable(),
  costIdle: z.number().int().nullable(),
  margin: z.number().int().nullable(),
  maxPowerW: z.number().int().nullable(),
  soc: z.number().int().nullable(),
  meterValues: z.array(meterSeriesPointSchema),
});

export const billableOverrideBodySchema = z.strictObject({
  billable: z.boolean(),
  reason: z.string().trim().min(1).max(500),
});

/** The remote commands of OCPP 1.6 the back office may send (§7 "Remote commands"). */
export const chargePointCommandTypes = [
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "Reset",
  "UnlockConnector",
  "ChangeAvailability",
  "GetConfiguration",
  "ChangeConfiguration",
  "TriggerMessage",
  "ClearCache",
  "GetDiagnostics",
  "UpdateFirmware",
  "ReserveNow",
  "CancelReservation",
  "SendLocalList",
  "GetLocalListVersion",
  "SetChargingProfile",
  "ClearChargingProfile",
  "GetCompositeSchedule",
] as const;
export type ChargePointCommandType = (typeof chargePointCommandTypes)[number];

export const chargePointCommandBodySchema = z.strictObject({
  type: z.enum(chargePointCommandTypes),
  /** The OCPP 1.6 request payload; validated against the official schema before it is sent. */
  params: z.record(z.string(), z.unknown()).default({}),
  /** How long to wait for the charge point's answer (default 30). */
  timeoutSeconds: z.number().int().min(1).max(120).optional(),
});
export const chargePointCommandResponseSchema = z.object({ result: z.unknown() });

export const ocppMessageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  days: z.coerce.number().int().min(1).max(90).default(7),
});
export const ocppMessagePageSchema = pageOf(
  z.object({
    id: z.number().int(),
    direction: z.string(),
    messageType: z.number().int().nullable(),
    messageId: z.string().nullable(),
    action: z.string().nullable(),
    payload: z.unknown(),
    at: z.date(),
  }),
);
