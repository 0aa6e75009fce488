import { performance } from "node:perf_hooks";
import { recordMeterValues, startSession, systemClock } from "@voltlane/core";
import pg from "pg";
import { dropPgDatabase, freshTarget, openTarget, seedFleet } from "../lib/bench-database";
import { args } from "../lib/stats";

/**
 * `tsx bench/ingest/count-round-trips.ts [--charge-points 200] [--messages 2000]`: PostgreSQL round
 * trips (queries sent by node-postgres) per MeterValues of `recordMeterValues`, one message at a time
 * and with every charge point sending at once, without the OCPP layer. The ingest profile's database
 * side: pg_stat_statements is not enabled here, so the queries are counted in the client.
 */
const a = args();
const chargePointCount = a.number("charge-points", 200);
const messages = a.number("messages", 2000);

let queries = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
  queries++;
  return (query as (...x: unknown[]) => unknown).apply(this, rest);
} as typeof query;

const target = await freshTarget("postgres", "voltlane_bench_round_trips");
const database = await openTarget(target, 10);
try {
  const fleet = await seedFleet(database, chargePointCount, "RT");
  const deps = { db: database.db, clock: systemClock, secretKey: "0".repeat(64), publicUrl: "http://bench" };
  const sessions: { chargePointId: string; ocppTransactionId: number; wh: number }[] = [];
  for (const cp of fleet.chargePoints) {
    const started = await startSession(deps, {
      chargePointId: cp.id,
      connectorId: 1,
      idTag: cp.idTag,
      meterStartWh: 0,
      startedAt: new Date(),
    });
    sessions.push({ chargePointId: cp.id, ocppTransactionId: started.ocppTransactionId, wh: 0 });
  }
  const send = (s: (typeof sessions)[number]) => {
    s.wh += 37;
    return recordMeterValues(deps, {
      providerId: fleet.providerId,
      chargePointId: s.chargePointId,
      connectorId: 1,
      ocppTransactionId: s.ocppTransactionId,
      samples: [
        {
          at: new Date(),
          values: [
            { value: String(s.wh), measurand: "Energy.Active.Import.Register", unit: "Wh" },
            { value: "10950", measurand: "Power.Active.Import", unit: "W" },
            { value: "15.8", measurand: "Current.Import", unit: "A", phase: "L1" },
            { value: "15.8", measurand: "Current.Import", unit: "A", phase: "L2" },
            { value: "15.8", measurand: "Current.Import", unit: "A", phase: "L3" },
            { value: "57", measurand: "SoC", unit: "Percent" },
          ],
        },
      ],
    });
  };
  const measure = async (label: string, run: () => Promise<unknown>) => {
    queries = 0;
    const t0 = performance.now();
    await run();
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `${label}: ${messages} messages, ${queries} queries = ${(queries / messages).toFixed(2)} per message, ` +
        `${(messages / secs).toFixed(0)} msg/s`,
    );
  };
  await measure("one at a time", async () => {
    for (let i = 0; i < messages; i++) await send(sessions[i % sessions.length]!);
  });
  await measure(`${sessions.length} concurrent senders`, async () => {
    const perSender = Math.ceil(messages / sessions.length);
    await Promise.all(
      sessions.map(async (s) => {
        for (let i = 0; i < perSender; i++) await send(s);
      }),
    );
  });
} finally {
  await database.close();
  await dropPgDatabase("voltlane_bench_round_trips");
}
