import { transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { CoreDeps } from "../platform/deps";
import { finalizeSession } from "./finalize-session";
import { chargePointActor } from "./session-lookup";

/**
 * A charger that boots while it still has active sessions lost them (reboot or power loss). They are
 * closed with the last known meter reading, so nothing stays open forever; if the charger later sends
 * the real StopTransaction from its queue, `stopSession` recomputes them.
 */
export async function closeInterruptedSessions(
  deps: CoreDeps,
  input: { chargePointId: string; bootedAt: Date; reason?: "Reboot" | "PowerLoss" },
): Promise<number> {
  const { db } = deps;
  const actor = await chargePointActor(db, input.chargePointId);
  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(transactions)
      .where(and(eq(transactions.chargePointId, input.chargePointId), eq(transactions.status, "active")))
      .for("update");
    for (const session of open) {
      const stoppedAt =
        session.lastMeterAt && session.lastMeterAt <= input.bootedAt ? session.lastMeterAt : input.bootedAt;
      await finalizeSession(tx, actor, session, {
        stoppedAt: new Date(Math.max(stoppedAt.getTime(), session.startedAt.getTime())),
        meterStopWh: session.lastMeterWh ?? session.meterStartWh,
        reason: input.reason ?? "Reboot",
        source: "boot",
        at: deps.clock.now(),
      });
    }
    return open.length;
  });
}
