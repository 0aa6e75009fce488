import { transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { CoreDeps } from "../platform/deps";
import { finalizeSession } from "./finalize-session";
import { sessionEventsOf } from "./session-events";
import { chargePointActor } from "./session-lookup";

/**
 * A charger that boots while it still has active sessions lost them (reboot or power loss). They are
 * closed with the last known meter reading, so nothing stays open forever; if the charger later sends
 * the real StopTransaction from its queue, `stopSession` recomputes them. Called on every boot, so it
 * also announces the boot (after the commit) to the session event listeners.
 */
export async function closeInterruptedSessions(
  deps: CoreDeps,
  input: { chargePointId: string; bootedAt: Date; reason?: "Reboot" | "PowerLoss" },
): Promise<number> {
  const { db } = deps;
  const actor = await chargePointActor(db, input.chargePointId);
  const closed = await db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(transactions)
      .where(and(eq(transactions.chargePointId, input.chargePointId), eq(transactions.status, "active")))
      .for("update");
    const stopped = [];
    for (const session of open) {
      const stoppedAt =
        session.lastMeterAt && session.lastMeterAt <= input.bootedAt ? session.lastMeterAt : input.bootedAt;
      const updated = await finalizeSession(tx, actor, session, {
        stoppedAt: new Date(Math.max(stoppedAt.getTime(), session.startedAt.getTime())),
        meterStopWh: session.lastMeterWh ?? session.meterStartWh,
        reason: input.reason ?? "Reboot",
        source: "boot",
        at: deps.clock.now(),
      });
      stopped.push(updated);
    }
    return stopped;
  });
  const events = sessionEventsOf(deps);
  for (const s of closed) {
    events.emit("stopped", {
      providerId: s.providerId,
      chargePointId: s.chargePointId,
      connectorId: s.connectorId,
      transactionId: s.id,
      ocppTransactionId: s.ocppTransactionId,
      status: s.status,
    });
  }
  events.emit("booted", { providerId: actor.providerId, chargePointId: input.chargePointId });
  return closed.length;
}
