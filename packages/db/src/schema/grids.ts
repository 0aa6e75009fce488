import {
  type AnyPgColumn,
  bigserial,
  boolean,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { providers } from "./tenancy";

/** Currents per phase in amperes with one decimal (what OCPP profiles take); drizzle hands out strings. */
const amperes = (name: string) => numeric(name, { precision: 8, scale: 1 });

/** A node of a load-balancing tree (R24); charge points join through `charge_points.grid_id`. */
export const grids = pgTable(
  "grids",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    name: text("name").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => grids.id),
    phases: integer("phases").notNull().default(3),
    maxCurrentA: amperes("max_current_a").notNull(),
    minCurrentPerVehicleA: amperes("min_current_per_vehicle_a").notNull().default("6"),
    /** A limit set through the API (a grid operator's capacity signal); gone after `expires_at`. */
    externalLimitA: amperes("external_limit_a"),
    externalLimitExpiresAt: ts("external_limit_expires_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("grids_provider_ix").on(t.providerId), index("grids_parent_ix").on(t.parentId)],
);

/** R24: a lower limit on local weekdays (1 = Mon … 7 = Sun) from `from` to `to` ("HH:MM"). */
export const timeOfUseLimits = pgTable(
  "time_of_use_limits",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    gridId: uuid("grid_id")
      .notNull()
      .references(() => grids.id, { onDelete: "cascade" }),
    daysOfWeek: integer("days_of_week").array().notNull(),
    from: text("from").notNull(),
    to: text("to").notNull(),
    maxCurrentA: amperes("max_current_a").notNull(),
  },
  (t) => [index("time_of_use_limits_grid_ix").on(t.gridId)],
);

/** Load vs limit of each grid, sampled by the smart-charging job (history for `GET /grids/{id}/load`). */
export const gridLoadSamples = pgTable(
  "grid_load_samples",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    providerId: uuid("provider_id").notNull(),
    gridId: uuid("grid_id").notNull(),
    at: ts("at").notNull(),
    /** Sum of the allocated limits beneath the grid per line. */
    allocatedL1A: amperes("allocated_l1_a").notNull(),
    allocatedL2A: amperes("allocated_l2_a").notNull(),
    allocatedL3A: amperes("allocated_l3_a").notNull(),
    /** Sum of the measured draws (highest phase per car), null when nothing was measured. */
    measuredA: amperes("measured_a"),
    limitA: amperes("limit_a").notNull(),
    sessions: integer("sessions").notNull().default(0),
  },
  (t) => [index("grid_load_samples_grid_at_ix").on(t.gridId, t.at)],
);

/** The limit last sent to each connector by smart charging, and what the charger answered. */
export const chargingProfileStates = pgTable(
  "charging_profile_states",
  {
    chargePointId: text("charge_point_id").notNull(),
    connectorId: integer("connector_id").notNull(),
    providerId: uuid("provider_id").notNull(),
    gridId: uuid("grid_id"),
    /** The OCPP transaction the TxProfile belongs to. */
    ocppTransactionId: integer("ocpp_transaction_id"),
    limitA: amperes("limit_a"),
    /** The measured draw the allocation assumed; a change ≥ 2 A triggers a new allocation. */
    assumedMeasuredA: amperes("assumed_measured_a"),
    /** Accepted | Rejected | NotSupported | Failed (timeout, offline). */
    status: text("status").notNull(),
    sentAt: ts("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chargePointId, t.connectorId] })],
);

/** Per charge point: whether it refused charging profiles (then its sessions count at their maximum). */
export const smartChargingFlags = pgTable("smart_charging_flags", {
  chargePointId: text("charge_point_id").primaryKey(),
  providerId: uuid("provider_id").notNull(),
  profilesRejected: boolean("profiles_rejected").notNull().default(false),
  lastStatus: text("last_status"),
  flaggedAt: ts("flagged_at"),
  updatedAt: updatedAt(),
});
