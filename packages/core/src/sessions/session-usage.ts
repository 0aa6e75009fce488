import { connectorStatusEvents, type Db, meterValues } from "@voltlane/db";
import { and, asc, desc, eq, gt, gte, lte } from "drizzle-orm";
import { type ChargingTime, type ConnectorStatus, measureChargingTime } from "./charging-time";
import type { Transaction } from "./session-lookup";

/**
 * R36 for one session: the connector's status events (the last one before the start gives the
 * status at the start), or, without any, the energy register samples plus the start and stop readings.
 */
export async function measureSessionTime(
  db: Db,
  session: Transaction,
  stop: { stoppedAt: Date; meterStopWh: number },
): Promise<ChargingTime> {
  if (stop.stoppedAt < session.startedAt) return { chargingSeconds: 0, idleSeconds: 0 };
  const window = { startedAt: session.startedAt, stoppedAt: stop.stoppedAt };
  const where = and(
    eq(connectorStatusEvents.chargePointId, session.chargePointId),
    eq(connectorStatusEvents.connectorId, session.connectorId),
  );
  const columns = { status: connectorStatusEvents.status, at: connectorStatusEvents.occurredAt };
  const [before] = await db
    .select(columns)
    .from(connectorStatusEvents)
    .where(and(where, lte(connectorStatusEvents.occurredAt, session.startedAt)))
    .orderBy(desc(connectorStatusEvents.occurredAt), desc(connectorStatusEvents.id))
    .limit(1);
  const during = await db
    .select(columns)
    .from(connectorStatusEvents)
    .where(
      and(
        where,
        gt(connectorStatusEvents.occurredAt, session.startedAt),
        lte(connectorStatusEvents.occurredAt, stop.stoppedAt),
      ),
    )
    .orderBy(asc(connectorStatusEvents.occurredAt), asc(connectorStatusEvents.id));
  const events = [...(before ? [before] : []), ...during];
  // Only the start event would say nothing about the session itself; fall back to the meter then.
  const statusEvents =
    during.length > 0 ? events.map((e) => ({ status: e.status as ConnectorStatus, at: e.at })) : [];
  const meterSamples = statusEvents.length ? [] : await registerSamples(db, session, stop);
  return measureChargingTime(window, { statusEvents, meterSamples });
}

async function registerSamples(db: Db, session: Transaction, stop: { stoppedAt: Date; meterStopWh: number }) {
  const rows = await db
    .select({ at: meterValues.sampledAt, value: meterValues.value, phase: meterValues.phase })
    .from(meterValues)
    .where(
      and(
        eq(meterValues.transactionId, session.id),
        eq(meterValues.measurand, "Energy.Active.Import.Register"),
        eq(meterValues.unit, "Wh"),
        gte(meterValues.sampledAt, session.startedAt),
        lte(meterValues.sampledAt, stop.stoppedAt),
      ),
    );
  const samples = rows
    .filter((r) => r.phase === null && /^\d+(\.\d+)?$/.test(r.value))
    .map((r) => ({ at: r.at, energyWh: Math.round(Number(r.value)) }));
  return [
    { at: session.startedAt, energyWh: session.meterStartWh },
    ...samples,
    { at: stop.stoppedAt, energyWh: stop.meterStopWh },
  ];
}
