import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { type Address, customers } from "./customers";
import { providers } from "./tenancy";

/** Prices are exact decimals with 4 places (R1); drizzle hands them out as strings. */
const price = (name: string) => numeric(name, { precision: 12, scale: 4 });

export const locations = pgTable(
  "locations",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    name: text("name").notNull(),
    address: jsonb("address").$type<Address>().notNull().default({}),
    lat: numeric("lat", { precision: 9, scale: 6 }),
    lng: numeric("lng", { precision: 9, scale: 6 }),
    /** Public map / roaming; R20: never true for locations of home-group chargers. */
    publish: boolean("publish").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("locations_provider_ix").on(t.providerId)],
);

/** Each edit bumps `version` in place; transactions keep their own snapshot (R33, R34). */
export const tariffs = pgTable(
  "tariffs",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    name: text("name").notNull(),
    currency: text("currency").notNull(),
    startFee: price("start_fee").notNull().default("0"),
    energyPrice: price("energy_price").notNull().default("0"),
    timePrice: price("time_price").notNull().default("0"),
    idleFee: price("idle_fee").notNull().default("0"),
    idleGraceMinutes: integer("idle_grace_minutes").notNull().default(0),
    /** Money (minor units); null = no cap. */
    idleFeeCap: bigint("idle_fee_cap", { mode: "number" }),
    marginPerKwh: price("margin_per_kwh").notNull().default("0"),
    vatRate: numeric("vat_rate", { precision: 5, scale: 2 }).notNull(),
    validFrom: ts("valid_from"),
    validTo: ts("valid_to"),
    version: integer("version").notNull().default(1),
    /** active | archived (tariffs referenced by history are never hard-deleted). */
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("tariffs_name_uq").on(t.providerId, t.name)],
);

export const chargeGroups = pgTable(
  "charge_groups",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    type: text("type").notNull().default("other"), // home | other
    tariffId: uuid("tariff_id").references(() => tariffs.id),
    access: text("access").notNull().default("attached"), // attached | provider | roaming
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("charge_groups_code_uq").on(t.providerId, t.code)],
);

export const tariffExceptions = pgTable(
  "tariff_exceptions",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    chargeGroupId: uuid("charge_group_id")
      .notNull()
      .references(() => chargeGroups.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    tariffId: uuid("tariff_id")
      .notNull()
      .references(() => tariffs.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("tariff_exceptions_pair_uq").on(t.chargeGroupId, t.customerId)],
);

/** One OCPP device; the primary key is its OCPP identity (R15: unique platform-wide). */
export const chargePoints = pgTable(
  "charge_points",
  {
    id: text("id").primaryKey(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    name: text("name").notNull(),
    /** argon2id of the OCPP basic-auth password; never returned. */
    passwordHash: text("password_hash"),
    vendor: text("vendor"),
    model: text("model"),
    serialNumber: text("serial_number"),
    chargeBoxSerialNumber: text("charge_box_serial_number"),
    firmwareVersion: text("firmware_version"),
    iccid: text("iccid"),
    imsi: text("imsi"),
    meterType: text("meter_type"),
    meterSerialNumber: text("meter_serial_number"),
    ocppVersion: text("ocpp_version"),
    activation: text("activation").notNull().default("inactive"), // inactive | active | retired
    online: boolean("online").notNull().default(false),
    lastSeenAt: ts("last_seen_at"),
    lastBootAt: ts("last_boot_at"),
    locationId: uuid("location_id").references(() => locations.id),
    chargeGroupId: uuid("charge_group_id").references(() => chargeGroups.id),
    /** Grids come later (R24); no foreign key yet. */
    gridId: uuid("grid_id"),
    /** The receiver of revenue (R40); mirrors the open cp_receiver attachment. */
    ownerCustomerId: uuid("owner_customer_id").references(() => customers.id),
    subscriptionPayerCustomerId: uuid("subscription_payer_customer_id").references(() => customers.id),
    phases: integer("phases"),
    maxCurrentA: integer("max_current_a"),
    tariffOverrideId: uuid("tariff_override_id").references(() => tariffs.id),
    /** Consecutive failed basic-auth attempts on the websocket upgrade. */
    authFailures: integer("auth_failures").notNull().default(0),
    retiredAt: ts("retired_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("charge_points_provider_ix").on(t.providerId),
    index("charge_points_group_ix").on(t.chargeGroupId),
    index("charge_points_owner_ix").on(t.ownerCustomerId),
  ],
);

export const connectors = pgTable(
  "connectors",
  {
    chargePointId: text("charge_point_id")
      .notNull()
      .references(() => chargePoints.id),
    connectorId: integer("connector_id").notNull(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    /** R15: unique platform-wide when present. */
    evseId: text("evse_id"),
    standard: text("standard"), // type2 | ccs2 | chademo | …
    powerType: text("power_type"), // ac1 | ac3 | dc
    maxPowerW: integer("max_power_w"),
    /** OCPP 1.6 status; Unavailable until the charger says otherwise. */
    status: text("status").notNull().default("Unavailable"),
    errorCode: text("error_code"),
    statusSince: ts("status_since"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.chargePointId, t.connectorId] }),
    uniqueIndex("connectors_evse_uq").on(t.evseId).where(sql`evse_id is not null`),
  ],
);

/** R25: external id and RFID UID are each unique platform-wide (stored normalised). */
export const chargeCards = pgTable(
  "charge_cards",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    externalId: text("external_id").notNull(),
    /** Upper-case hex without separators; the OCPP idTag. */
    rfid: text("rfid").notNull(),
    kind: text("kind").notNull().default("rfid"), // rfid | app
    status: text("status").notNull().default("inactive"), // active | inactive | blocked
    blockedReason: text("blocked_reason"),
    customerId: uuid("customer_id").references(() => customers.id),
    payerCustomerId: uuid("payer_customer_id").references(() => customers.id),
    roamingAllowed: boolean("roaming_allowed").notNull().default(false),
    label: text("label"),
    validUntil: ts("valid_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("charge_cards_external_id_uq").on(t.externalId),
    uniqueIndex("charge_cards_rfid_uq").on(t.rfid),
    index("charge_cards_provider_ix").on(t.providerId),
    index("charge_cards_customer_ix").on(t.customerId),
    index("charge_cards_payer_ix").on(t.payerCustomerId),
  ],
);

/** OCPP local authorization list version sent to each charge point. */
export const localListVersions = pgTable("local_list_versions", {
  chargePointId: text("charge_point_id")
    .primaryKey()
    .references(() => chargePoints.id),
  version: integer("version").notNull().default(0),
  entries: jsonb("entries").$type<{ idTag: string; status: string; expiryDate?: string }[]>(),
  sentAt: ts("sent_at"),
  updatedAt: updatedAt(),
});
