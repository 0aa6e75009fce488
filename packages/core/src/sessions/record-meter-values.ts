import { type Db, meterValues, transactions } from "@voltlane/db";
import { and, desc, eq } from "drizzle-orm";
import type { CoreDeps } from "../platform/deps";
import {
  energyRegisterWh,
  latestSoc,
  type MeterSampleInput,
  maxPowerW,
  type NormalizedValue,
  normalizeSamples,
} from "./meter-samples";
import { sessionEventsOf } from "./session-events";
import { chargePointActor, findByOcppId, type Transaction } from "./session-lookup";

export type RecordMeterValuesInput = {
  chargePointId: string;
  connectorId: number;
  ocppTransactionId?: number;
  samples: MeterSampleInput[];
};

/**
 * W2 step 3: every sampled value is stored (energy normalised to Wh); the session's running totals
 * (last register, energy, max power, SoC) are kept on the transaction row so that nobody has to scan
 * meter values later. Samples may arrive late and out of order (offline queue): only a newer register
 * reading moves the totals.
 */
export async function recordMeterValues(deps: CoreDeps, input: RecordMeterValuesInput): Promise<void> {
  const { db } = deps;
  const actor = await chargePointActor(db, input.chargePointId);
  const values = normalizeSamples(input.samples);
  const session = await db.transaction(async (tx) => {
    const session = await sessionFor(tx, actor.providerId, input);
    if (values.length > 0) {
      await tx.insert(meterValues).values(
        values.map((v) => ({
          ...v,
          providerId: actor.providerId,
          transactionId: session?.id ?? null,
          chargePointId: input.chargePointId,
          connectorId: input.connectorId,
        })),
      );
    }
    if (session) await updateTotals(tx, session, values);
    return session;
  });
  sessionEventsOf(deps).emit("meterValues", {
    providerId: actor.providerId,
    chargePointId: input.chargePointId,
    connectorId: input.connectorId,
    transactionId: session?.id ?? null,
  });
}

async function sessionFor(db: Db, providerId: string, input: RecordMeterValuesInput) {
  if (input.ocppTransactionId !== undefined) return findByOcppId(db, providerId, input.ocppTransactionId);
  if (input.connectorId < 1) return undefined;
  const [active] = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.chargePointId, input.chargePointId),
        eq(transactions.connectorId, input.connectorId),
        eq(transactions.status, "active"),
      ),
    )
    .orderBy(desc(transactions.startedAt))
    .limit(1);
  return active;
}

/** Running totals from a batch of samples; also used for StopTransaction's transactionData. */
export function totalsAfter(session: Transaction, values: readonly NormalizedValue[]) {
  const changes: Partial<typeof transactions.$inferInsert> = {};
  const latest = energyRegisterWh(values)
    .toSorted((a, b) => a.at.getTime() - b.at.getTime())
    .at(-1);
  if (latest && (!session.lastMeterAt || latest.at >= session.lastMeterAt)) {
    changes.lastMeterWh = latest.wh;
    changes.lastMeterAt = latest.at;
    if (session.status === "active") changes.energyWh = Math.max(0, latest.wh - session.meterStartWh);
  }
  const power = maxPowerW(values);
  if (power !== undefined && power > (session.maxPowerW ?? -1)) changes.maxPowerW = power;
  const soc = latestSoc(values);
  if (soc !== undefined) changes.soc = soc;
  return changes;
}

async function updateTotals(db: Db, session: Transaction, values: readonly NormalizedValue[]) {
  // Lock the row so that concurrent batches for one session cannot lose each other's totals.
  const [locked] = await db.select().from(transactions).where(eq(transactions.id, session.id)).for("update");
  const changes = totalsAfter(locked ?? session, values);
  if (Object.keys(changes).length === 0) return;
  await db.update(transactions).set(changes).where(eq(transactions.id, session.id));
}
