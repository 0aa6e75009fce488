import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { createChargePoint, type SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { type Database, meterValues, openDatabase, transactions } from "@voltlane/db";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type BenchTarget,
  dropPgDatabase,
  freshTarget,
  openTarget,
  seedFleet,
  targetEnv,
} from "../../bench/lib/bench-database";
import { freePort, type ServerProcess, startServerProcess } from "../../bench/lib/server-process";
import { createFrameJournal } from "./frame-journal";

/**
 * Issue #8 crash safety: the server process is SIGKILLed while charge points run sessions, restarted
 * on the same database, and every message it had acknowledged must be there. On PostgreSQL when
 * TEST_DATABASE_URL is set, else on PGlite in a DATA_DIR (it survives a killed process: its files are
 * written through the OS; an OS crash or power loss is another matter, see docs/deployment.md).
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const CHARGE_POINTS = 6;
const SESSIONS = 3;

describe(`server killed under load (${pgUrl ? "PostgreSQL" : "PGlite DATA_DIR"})`, () => {
  const dbName = `voltlane_crash_${randomBytes(4).toString("hex")}`;
  let target: BenchTarget;
  let server: ServerProcess | undefined;
  let port: number;
  let fleet: { id: string; idTag: string }[];
  const journal = createFrameJournal();
  const chargePoints: SimulatedChargePoint[] = [];
  let check: Database;

  beforeAll(async () => {
    if (pgUrl) process.env.BENCH_DATABASE_URL ??= pgUrl;
    target = await freshTarget(pgUrl ? "postgres" : "pglite", dbName);
    // PGlite: start from the migrated template of this test run instead of a slow create.
    const seed = await (target.kind === "pglite"
      ? openDatabase({
          dataDir: target.dataDir,
          loadDataDir: new Blob([await readFile(inject("pgliteTemplatePath"))]),
        })
      : openTarget(target, 2));
    fleet = (await seedFleet(seed, CHARGE_POINTS, "CRASH")).chargePoints;
    await seed.close();
    port = await freePort();
    server = await startServerProcess({ port, env: targetEnv(target) });
  });
  afterAll(async () => {
    await Promise.allSettled(chargePoints.map((cp) => cp.close()));
    await server?.stop();
    await check?.close();
    if (target?.kind === "postgres") await dropPgDatabase(dbName);
    if (target?.kind === "pglite") await rm(target.dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged message, resumes charge points and never duplicates a transaction", async () => {
    for (const { id } of fleet) {
      const cp = createChargePoint({
        url: `ws://127.0.0.1:${port}/ocpp`,
        identity: id,
        reconnectDelayMs: 250,
        callTimeoutMs: 10_000,
        connectors: 1,
        log: journal.log,
      });
      await cp.start();
      chargePoints.push(cp);
    }
    // A session begun while the server is down may be refused by offline authorization: count those run.
    let started = 0;
    const sessions = chargePoints.map(async (cp, i) => {
      for (let s = 0; s < SESSIONS; s++) {
        const result = await cp.runSession({
          connectorId: 1,
          idTag: fleet[i]!.idTag,
          energyWh: 4_000,
          durationS: 1_200,
          sampleEveryS: 60,
          timeScale: 600,
        });
        if (result.status === "Accepted") started++;
      }
    });
    // Kill the server once it has acknowledged a good part of the load, mid-session.
    await until(() => journal.ackedOf("MeterValues").length >= CHARGE_POINTS * 6, 20_000);
    await server!.kill();
    const killedAt = Date.now();
    phase("killed");
    const ackedBeforeCrash = journal.acked.length;
    server = await startServerProcess({ port, env: targetEnv(target) });
    phase("restarted");
    await Promise.all(sessions);
    phase("sessions done");
    await until(
      () => chargePoints.every((cp) => cp.online && cp.queuedMessages === 0),
      30_000,
      () =>
        `online ${chargePoints.map((cp) => cp.online)}, queued ${chargePoints.map((cp) => cp.queuedMessages)}`,
    );

    // Charge points reconnected by themselves and their offline queues were delivered.
    expect(journal.acked.length).toBeGreaterThan(ackedBeforeCrash);
    expect(journal.acked.filter((a) => a.at > killedAt).some((a) => a.action === "StopTransaction")).toBe(
      true,
    );

    // A StartTransaction acknowledged before the crash and sent again now gets the same id.
    const first = journal.ackedOf("StartTransaction").find((a) => a.at < killedAt)!;
    const cp = chargePoints[fleet.findIndex((f) => f.idTag === first.params.idTag)]!;
    const reply = JSON.parse(
      await cp.sendRaw(JSON.stringify([2, "retry-1", "StartTransaction", first.params])),
    );
    expect(reply[2].transactionId).toBe(first.result.transactionId);

    phase("queues flushed");
    // Verified from outside once the server has stopped (PGlite has one process at a time).
    await Promise.all(chargePoints.map((c) => c.close()));
    await server!.stop();
    server = undefined;
    check = await openTarget(target, 2);
    await expectAckedStartsStored();
    await expectAckedMeterValuesStored();
    expect(started).toBeGreaterThanOrEqual(CHARGE_POINTS);
    await expectAckedStopsStored(started);
    await expectOneTransactionPerStart(started);
  }, 120_000);

  async function expectAckedStartsStored() {
    for (const a of journal.ackedOf("StartTransaction")) {
      const [row] = await check.db
        .select()
        .from(transactions)
        .where(eq(transactions.ocppTransactionId, a.result.transactionId));
      expect(row, `transaction ${a.result.transactionId}`).toMatchObject({
        idTag: a.params.idTag,
        meterStartWh: a.params.meterStart,
        startedAt: new Date(a.params.timestamp),
      });
    }
  }

  async function expectAckedMeterValuesStored() {
    const acked = journal.ackedOf("MeterValues");
    expect(acked.length).toBeGreaterThan(CHARGE_POINTS * 6);
    for (const a of acked) {
      for (const mv of a.params.meterValue) {
        const [row] = await check.db
          .select({ n: count() })
          .from(meterValues)
          .where(
            and(
              eq(meterValues.transactionId, await transactionUuid(a.params.transactionId)),
              eq(meterValues.sampledAt, new Date(mv.timestamp)),
            ),
          );
        // At least once: a batch whose reply was lost in the crash may be stored twice.
        expect(row!.n).toBeGreaterThanOrEqual(mv.sampledValue.length);
      }
    }
  }

  async function expectAckedStopsStored(sessionsRun: number) {
    const acked = journal.ackedOf("StopTransaction");
    expect(journal.errors, "CALLERRORs").toEqual([]);
    expect(acked.length, `${journal.sentOf("StopTransaction").length} sent`).toBe(sessionsRun);
    for (const a of acked) {
      const [row] = await check.db
        .select()
        .from(transactions)
        .where(eq(transactions.ocppTransactionId, a.params.transactionId));
      expect(row).toMatchObject({ status: "completed", meterStopWh: a.params.meterStop });
    }
  }

  /** Every distinct StartTransaction the charge points sent is one row: none lost, none twice. */
  async function expectOneTransactionPerStart(sessionsRun: number) {
    const starts = new Set(journal.sentOf("StartTransaction").map((s) => JSON.stringify(s.params)));
    expect(starts.size).toBe(sessionsRun);
    const rows = await check.db
      .select()
      .from(transactions)
      .where(
        inArray(
          transactions.chargePointId,
          fleet.map((f) => f.id),
        ),
      );
    expect(rows).toHaveLength(starts.size);
    // Retries of one start (sent before and after the crash) all got the same id.
    for (const start of starts) {
      const ids = new Set(
        journal
          .ackedOf("StartTransaction")
          .filter((a) => JSON.stringify(a.params) === start)
          .map((a) => a.result.transactionId),
      );
      expect(ids.size).toBe(1);
    }
  }

  const uuids = new Map<number, string>();
  async function transactionUuid(ocppId: number): Promise<string> {
    if (!uuids.has(ocppId)) {
      const [row] = await check.db
        .select({ id: transactions.id })
        .from(transactions)
        .where(eq(transactions.ocppTransactionId, ocppId));
      uuids.set(ocppId, row!.id);
    }
    return uuids.get(ocppId)!;
  }
});

const t0 = Date.now();
/** Phase times go to stderr: the machine is shared, and a slow run should say where it was slow. */
const phase = (name: string) => process.stderr.write(`crash test: ${name} at ${Date.now() - t0} ms\n`);

async function until(condition: () => boolean, timeoutMs: number, state = () => "") {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in time ${state()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
