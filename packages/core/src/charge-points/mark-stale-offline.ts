import { chargePoints } from "@voltlane/db";
import { and, eq, lt } from "drizzle-orm";
import type { CoreDeps } from "../platform/deps";
import { heartbeatIntervalSeconds } from "./charge-point-connection";
import { recordConnectionChange } from "./connection-history";

/** A charger silent for this many heartbeat intervals is offline, unless some process holds its socket. */
export const STALE_HEARTBEATS = 2.5;

/**
 * `online` is set on connect and cleared on close, but a process that dies never clears it: chargers
 * not heard from for 2.5 heartbeat intervals and connected to no process are marked offline.
 * Connection state is telemetry, not audited (as markChargePointSeen). Returns the ids marked.
 */
export async function markStaleChargePointsOffline(
  deps: CoreDeps,
  isConnected: (chargePointId: string) => Promise<boolean>,
): Promise<string[]> {
  const cutoff = new Date(deps.clock.now().getTime() - STALE_HEARTBEATS * heartbeatIntervalSeconds * 1000);
  const stale = await deps.db
    .select({ id: chargePoints.id })
    .from(chargePoints)
    .where(and(eq(chargePoints.online, true), lt(chargePoints.lastSeenAt, cutoff)));
  const marked: string[] = [];
  for (const { id } of stale) {
    if (await isConnected(id)) continue;
    // Only if still stale: a heartbeat may have arrived meanwhile. The history dates the change at
    // the last sign of life, when the charger really went silent.
    const rows = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ lastSeenAt: chargePoints.lastSeenAt })
        .from(chargePoints)
        .where(
          and(eq(chargePoints.id, id), eq(chargePoints.online, true), lt(chargePoints.lastSeenAt, cutoff)),
        )
        .for("update");
      if (!row) return [];
      await recordConnectionChange(tx, id, false, row.lastSeenAt ?? deps.clock.now());
      return tx
        .update(chargePoints)
        .set({ online: false })
        .where(eq(chargePoints.id, id))
        .returning({ id: chargePoints.id });
    });
    if (rows.length > 0) marked.push(id);
  }
  return marked;
}
