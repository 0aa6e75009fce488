import { type Db, invoiceLines, transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { lockForBillingChange } from "../invoicing/invoice-run-lock";
import type { CoreDeps } from "../platform/deps";
import { finalizeSession } from "./finalize-session";
import type { MeterSampleInput } from "./meter-samples";
import { recordMeterValues } from "./record-meter-values";
import { sessionEventsOf } from "./session-events";
import { chargePointActor, findByOcppId } from "./session-lookup";

export type StopSessionInput = {
  chargePointId: string;
  ocppTransactionId: number;
  meterStopWh: number;
  stoppedAt: Date;
  reason?: string;
  idTag?: string;
  /** StopTransaction's transactionData: stored like MeterValues before the totals are computed. */
  samples?: MeterSampleInput[];
};

export type StopSessionResult = { known: boolean; status?: string };

/**
 * W2 step 4. An unknown transaction id is acknowledged (`known: false`) so that the charger can drop
 * it from its queue; the caller logs it. A repeated stop answers the same; a session the server closed
 * after a reboot is recomputed from the charger's real stop data.
 */
export async function stopSession(deps: CoreDeps, input: StopSessionInput): Promise<StopSessionResult> {
  const { db } = deps;
  const actor = await chargePointActor(db, input.chargePointId);
  const session = await findByOcppId(db, actor.providerId, input.ocppTransactionId);
  if (!session || session.chargePointId !== input.chargePointId) return { known: false };
  if (input.samples?.length) {
    await recordMeterValues(deps, {
      providerId: actor.providerId,
      chargePointId: input.chargePointId,
      connectorId: session.connectorId,
      ocppTransactionId: input.ocppTransactionId,
      samples: input.samples,
    });
  }
  const result = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(transactions)
      .where(eq(transactions.id, session.id))
      .for("update");
    const current = locked!;
    const alreadyStopped = current.stoppedAt !== null && current.stopSource !== "boot";
    // Recomputing a session the server closed at a reboot changes what it bills: wait for a running
    // invoice run's chunk and let the run know (R55).
    if (current.stoppedAt !== null && !alreadyStopped) await lockForBillingChange(tx, current.providerId);
    // Once a session is on an invoice line it is frozen (R50); a late stop changes nothing.
    if (alreadyStopped || (await onInvoiceLine(tx, current.id)))
      return { known: true, status: current.status, changed: false };
    const updated = await finalizeSession(tx, actor, current, {
      stoppedAt: input.stoppedAt,
      meterStopWh: input.meterStopWh,
      reason: input.reason ?? "Local",
      source: "charge_point",
      stopIdTag: input.idTag ?? null,
      at: deps.clock.now(),
    });
    return { known: true, status: updated.status, changed: true };
  });
  if (result.changed) {
    sessionEventsOf(deps).emit("stopped", {
      providerId: session.providerId,
      chargePointId: session.chargePointId,
      connectorId: session.connectorId,
      transactionId: session.id,
      ocppTransactionId: session.ocppTransactionId,
      status: result.status,
    });
  }
  return { known: true, status: result.status };
}

/** R53: a live invoice line holds the session (the line is the hold; see docs/adr/0006). */
async function onInvoiceLine(tx: Db, transactionId: string): Promise<boolean> {
  const [line] = await tx
    .select({ id: invoiceLines.id })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.transactionId, transactionId), eq(invoiceLines.holdsItem, true)))
    .limit(1);
  return Boolean(line);
}
