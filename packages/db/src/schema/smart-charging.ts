import { integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/**
 * The TxDefaultProfile smart charging last sent to each idle connector of a grid member (issue #7):
 * the share a newly arriving car may draw before its own TxProfile arrives.
 */
export const defaultProfileStates = pgTable(
  "default_profile_states",
  {
    chargePointId: text("charge_point_id").notNull(),
    connectorId: integer("connector_id").notNull(),
    providerId: uuid("provider_id").notNull(),
    gridId: uuid("grid_id"),
    /** Amperes per phase, one decimal; null until a send was accepted. */
    limitA: numeric("limit_a", { precision: 8, scale: 1 }),
    /** Accepted | Rejected | NotSupported | Failed (timeout, offline). */
    status: text("status").notNull(),
    sentAt: ts("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chargePointId, t.connectorId] })],
);
