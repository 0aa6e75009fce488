import type { Db } from "@voltlane/db";
import type { CoreDeps } from "../platform/deps";
import { type MeterSampleInput, normalizeSamples } from "./meter-samples";
import { createMeterValueWriter, type MeterValueWriter } from "./meter-value-writer";
import { sessionEventsOf } from "./session-events";

export type RecordMeterValuesInput = {
  /** The provider the charge point belongs to (the gateway knows it from station authentication). */
  providerId: string;
  chargePointId: string;
  connectorId: number;
  ocppTransactionId?: number;
  samples: MeterSampleInput[];
};

// One group-commit writer per database handle (a server, a test), created on first use.
const writers = new WeakMap<Db, MeterValueWriter>();

/** The writer `recordMeterValues` uses for this database; `idle()` waits for its writes. */
export function meterValueWriterOf(db: Db): MeterValueWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = createMeterValueWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

/**
 * W2 step 3: every sampled value is stored (energy normalised to Wh); the session's running totals
 * (last register, max power, SoC; the energy follows from the register, `liveEnergyWh`) are kept on
 * the transaction row so that nobody has to scan meter values later. Samples may arrive late and out of order (offline queue): only a newer register
 * reading moves the totals. Messages arriving together are written in one transaction (group commit,
 * `meter-value-writer.ts`); this resolves once this message's values are committed.
 */
export async function recordMeterValues(deps: CoreDeps, input: RecordMeterValuesInput): Promise<void> {
  const transactionId = await meterValueWriterOf(deps.db).write({
    providerId: input.providerId,
    chargePointId: input.chargePointId,
    connectorId: input.connectorId,
    ocppTransactionId: input.ocppTransactionId,
    values: normalizeSamples(input.samples),
  });
  sessionEventsOf(deps).emit("meterValues", {
    providerId: input.providerId,
    chargePointId: input.chargePointId,
    connectorId: input.connectorId,
    transactionId,
  });
}
