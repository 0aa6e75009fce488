import type { Db } from "@voltlane/db";
import { sql } from "drizzle-orm";

/**
 * Appends an online/offline change to the connection history (uptime), only when `online` differs
 * from the stored state. Call it just before the update that stores the new state.
 */
export async function recordConnectionChange(db: Db, identity: string, online: boolean, at: Date) {
  await db.execute(sql`
    insert into charge_point_connection_events (provider_id, charge_point_id, online, at)
    select provider_id, id, ${online}, ${at.toISOString()}::timestamptz
    from charge_points
    where id = ${identity} and online <> ${online}`);
}
