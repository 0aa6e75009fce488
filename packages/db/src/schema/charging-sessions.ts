import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { providers } from "./tenancy";

const money = (name: string) => bigint(name, { mode: "number" });

/**
 * One charging session (§3 Transaction). Totals live on the row so that dashboards and invoices never
 * scan raw meter values. Charge points are referenced by their OCPP identity (text), without a foreign
 * key, so that the log of a retired or re-registered charger stays intact.
 */
export const transactions = pgTable(
  "transactions",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    /** The id the charge point uses; a per-provider counter (sequences table, name "ocpp_transaction"). */
    ocppTransactionId: integer("ocpp_transaction_id").notNull(),
    chargePointId: text("charge_point_id").notNull(),
    connectorId: integer("connector_id").notNull(),
    evseId: text("evse_id"),
    chargeCardId: uuid("charge_card_id"),
    idTag: text("id_tag").notNull(),
    /** What authorization answered at start (Accepted, Blocked, Invalid …). */
    authorizationStatus: text("authorization_status").notNull().default("Accepted"),
    startedAt: ts("started_at").notNull(),
    stoppedAt: ts("stopped_at"),
    meterStartWh: bigint("meter_start_wh", { mode: "number" }).notNull(),
    meterStopWh: bigint("meter_stop_wh", { mode: "number" }),
    lastMeterWh: bigint("last_meter_wh", { mode: "number" }),
    lastMeterAt: ts("last_meter_at"),
    energyWh: bigint("energy_wh", { mode: "number" }).notNull().default(0),
    chargingSeconds: integer("charging_seconds").notNull().default(0),
    idleSeconds: integer("idle_seconds").notNull().default(0),
    maxPowerW: integer("max_power_w"),
    soc: integer("soc"),
    status: text("status").notNull().default("active"), // active | completed | invalid
    stopReason: text("stop_reason"),
    stopIdTag: text("stop_id_tag"),
    /** Who ended it: the charge point (StopTransaction) or the server (a reboot left it open). */
    stopSource: text("stop_source"),
    reservationId: integer("reservation_id"),
    // R33, R34: snapshots taken at start.
    tariffSnapshot: jsonb("tariff_snapshot").$type<Record<string, unknown>>(),
    chargeGroupId: uuid("charge_group_id"),
    chargeGroupType: text("charge_group_type"),
    userCustomerId: uuid("user_customer_id"),
    payerCustomerId: uuid("payer_customer_id"),
    receiverCustomerId: uuid("receiver_customer_id"),
    walletId: uuid("wallet_id"),
    roaming: boolean("roaming").notNull().default(false),
    // R35: Money in minor units of `currency`.
    costStartFee: money("cost_start_fee"),
    costEnergy: money("cost_energy"),
    costTime: money("cost_time"),
    costIdle: money("cost_idle"),
    costNet: money("cost_net"),
    margin: money("margin"),
    currency: text("currency"),
    billable: boolean("billable").notNull().default(false),
    notBillableReason: text("not_billable_reason"),
    billableOverrideBy: uuid("billable_override_by"),
    payerLineId: uuid("payer_line_id"),
    receiverLineId: uuid("receiver_line_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("transactions_ocpp_id_uq").on(t.providerId, t.ocppTransactionId),
    // A repeated StartTransaction (lost reply, offline queue replay) returns the same transactionId.
    uniqueIndex("transactions_start_uq").on(
      t.chargePointId,
      t.connectorId,
      t.idTag,
      t.startedAt,
      t.meterStartWh,
    ),
    index("transactions_provider_started_ix").on(t.providerId, t.startedAt),
    index("transactions_cp_status_ix").on(t.chargePointId, t.status),
    // A customer's sessions in a date window (dashboard, filtered lists): the range is part of the index.
    // The trailing columns are what the dashboard filters and sums, so its sums are index-only scans
    // (drizzle has no INCLUDE; bench/RESULTS.md "Reports").
    index("transactions_payer_started_ix").on(
      t.payerCustomerId,
      t.startedAt,
      t.providerId,
      t.status,
      t.energyWh,
      t.costNet,
    ),
    index("transactions_receiver_started_ix").on(
      t.receiverCustomerId,
      t.startedAt,
      t.providerId,
      t.status,
      t.energyWh,
      t.costNet,
      t.margin,
      t.payerCustomerId,
    ),
    index("transactions_user_started_ix").on(
      t.userCustomerId,
      t.startedAt,
      t.providerId,
      t.status,
      t.energyWh,
      t.payerCustomerId,
    ),
    index("transactions_card_status_ix").on(t.chargeCardId, t.status),
  ],
);

/**
 * Raw samples; the table that grows without bound. On PostgreSQL it would be range-partitioned by
 * month on `sampled_at` (docs/adr/0005-meter-values-volume.md); no foreign keys to keep inserts cheap.
 */
export const meterValues = pgTable(
  "meter_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    providerId: uuid("provider_id").notNull(),
    transactionId: uuid("transaction_id"),
    chargePointId: text("charge_point_id").notNull(),
    connectorId: integer("connector_id").notNull(),
    sampledAt: ts("sampled_at").notNull(),
    measurand: text("measurand").notNull(),
    phase: text("phase"),
    context: text("context"),
    location: text("location"),
    /** Decimal string as the charger sent it; energy registers normalised to Wh. */
    value: text("value").notNull(),
    unit: text("unit"),
  },
  // Only the session's values are ever read (by transaction); an index by charge point was written for
  // every sample and read by no query (issue #8).
  (t) => [index("meter_values_tx_at_ix").on(t.transactionId, t.sampledAt)],
);

/** Append-only connector status history (R36 uses it); connector 0 is the charger itself. */
export const connectorStatusEvents = pgTable(
  "connector_status_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    providerId: uuid("provider_id").notNull(),
    chargePointId: text("charge_point_id").notNull(),
    connectorId: integer("connector_id").notNull(),
    status: text("status").notNull(),
    errorCode: text("error_code").notNull().default("NoError"),
    info: text("info"),
    vendorErrorCode: text("vendor_error_code"),
    /** The charger's clock. */
    occurredAt: ts("occurred_at").notNull(),
    receivedAt: ts("received_at").notNull(),
  },
  (t) => [index("status_events_cp_conn_at_ix").on(t.chargePointId, t.connectorId, t.occurredAt)],
);

/**
 * Append-only connection history: one row each time a charger goes online (websocket open, boot,
 * heartbeat after silence) or offline (close, stale). The detail page's uptime is computed from it.
 */
export const chargePointConnectionEvents = pgTable(
  "charge_point_connection_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    providerId: uuid("provider_id").notNull(),
    chargePointId: text("charge_point_id").notNull(),
    online: boolean("online").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index("connection_events_cp_at_ix").on(t.chargePointId, t.at)],
);

/** OCPP message log per charge point, pruned after a number of days. */
export const ocppMessages = pgTable(
  "ocpp_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    providerId: uuid("provider_id").notNull(),
    chargePointId: text("charge_point_id").notNull(),
    direction: text("direction").notNull(), // in | out
    messageType: integer("message_type"), // 2 CALL, 3 CALLRESULT, 4 CALLERROR
    messageId: text("message_id"),
    action: text("action"),
    /** `json`, not `jsonb`: stored as written and never queried inside, so not parsed into jsonb (issue #8). */
    payload: json("payload"),
    at: ts("at").notNull(),
  },
  (t) => [index("ocpp_messages_cp_at_ix").on(t.chargePointId, t.at), index("ocpp_messages_at_ix").on(t.at)],
);

/** ReserveNow requests sent to charge points. */
export const chargePointReservations = pgTable(
  "charge_point_reservations",
  {
    id: id(),
    providerId: uuid("provider_id").notNull(),
    /** The OCPP reservationId (per-provider counter "ocpp_reservation"). */
    reservationId: integer("reservation_id").notNull(),
    chargePointId: text("charge_point_id").notNull(),
    connectorId: integer("connector_id").notNull(),
    idTag: text("id_tag").notNull(),
    parentIdTag: text("parent_id_tag"),
    expiresAt: ts("expires_at").notNull(),
    status: text("status").notNull(), // the charger's answer, then used | cancelled | expired
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("reservations_ocpp_id_uq").on(t.providerId, t.reservationId)],
);

/** SetChargingProfile requests sent, with the charger's answer; cleared ones keep `clearedAt`. */
export const chargingProfilesSent = pgTable(
  "charging_profiles_sent",
  {
    id: id(),
    providerId: uuid("provider_id").notNull(),
    chargePointId: text("charge_point_id").notNull(),
    connectorId: integer("connector_id").notNull(),
    chargingProfileId: integer("charging_profile_id").notNull(),
    purpose: text("purpose").notNull(),
    stackLevel: integer("stack_level").notNull(),
    profile: jsonb("profile").notNull(),
    status: text("status").notNull(),
    sentBy: text("sent_by"),
    sentAt: ts("sent_at").notNull(),
    clearedAt: ts("cleared_at"),
  },
  (t) => [index("charging_profiles_cp_ix").on(t.chargePointId, t.connectorId).where(sql`cleared_at is null`)],
);
