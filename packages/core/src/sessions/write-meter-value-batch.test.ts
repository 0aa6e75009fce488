import { randomBytes } from "node:crypto";
import { type Database, type Db, meterValues, providers, transactions } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultProviderSettings } from "../providers/bootstrap";
import { type MeterSampleInput, normalizeSamples } from "./meter-samples";
import { createMeterValueWriter } from "./meter-value-writer";
import { liveEnergyWh } from "./transaction-view";
import { type MeterValueBatchItem, writeMeterValueBatch } from "./write-meter-value-batch";

const t0 = Date.parse("2026-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const tag = () => randomBytes(4).toString("hex").toUpperCase();

async function aProvider(db: Db) {
  const t = tag();
  const [row] = await db
    .insert(providers)
    .values({ slug: `p-${t}`, name: `P ${t}`, invoicePrefix: t, settings: defaultProviderSettings })
    .returning();
  return row!.id;
}

let nextOcppId = 1;
async function aSession(
  db: Db,
  providerId: string,
  values: Partial<typeof transactions.$inferInsert> = {},
): Promise<typeof transactions.$inferSelect> {
  const [row] = await db
    .insert(transactions)
    .values({
      providerId,
      ocppTransactionId: nextOcppId++,
      chargePointId: `CP-${tag()}`,
      connectorId: 1,
      idTag: tag(),
      startedAt: at(0),
      meterStartWh: 1000,
      ...values,
    })
    .returning();
  return row!;
}

const sample = (minutes: number, wh?: number, extra: MeterSampleInput["values"] = []): MeterSampleInput => ({
  at: at(minutes),
  values: [...(wh === undefined ? [] : [{ value: String(wh), unit: "Wh" }]), ...extra],
});
const power = (w: number) => ({ value: String(w), measurand: "Power.Active.Import", unit: "W" });
const soc = (percent: number) => ({ value: String(percent), measurand: "SoC", unit: "Percent" });

function itemFor(
  session: typeof transactions.$inferSelect,
  samples: MeterSampleInput[],
): MeterValueBatchItem {
  return {
    providerId: session.providerId,
    chargePointId: session.chargePointId,
    connectorId: session.connectorId,
    ocppTransactionId: session.ocppTransactionId,
    values: normalizeSamples(samples),
  };
}

/** The running totals, with the energy as views show it (an active session's from its register). */
async function totalsOf(db: Db, id: string) {
  const [row] = await db.select().from(transactions).where(eq(transactions.id, id));
  return {
    lastMeterWh: row!.lastMeterWh,
    lastMeterAt: row!.lastMeterAt,
    energyWh: liveEnergyWh(row!),
    maxPowerW: row!.maxPowerW,
    soc: row!.soc,
  };
}

const storedFor = (db: Db, transactionId: string) =>
  db
    .select({ value: meterValues.value, measurand: meterValues.measurand })
    .from(meterValues)
    .where(eq(meterValues.transactionId, transactionId))
    .orderBy(asc(meterValues.id));

/** A small deterministic generator, so that a failing sequence can be replayed. */
function seeded(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

describe("meter values in batches (group commit, issue #8)", () => {
  let database: Database;
  let db: Db;
  let providerA: string;
  let providerB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    providerA = await aProvider(db);
    providerB = await aProvider(db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores every value of every message and folds a session's totals in arrival order", async () => {
    const s1 = await aSession(db, providerA);
    const s2 = await aSession(db, providerA, { meterStartWh: 0 });
    const ids = await writeMeterValueBatch(db, [
      itemFor(s1, [sample(1, 1500, [power(7000), soc(40)])]),
      itemFor(s2, [sample(1, 300)]),
      // Late (offline queue): older than the register already applied; SoC is taken as it comes.
      itemFor(s1, [sample(0.5, 1200, [power(11000), soc(35)])]),
      itemFor(s1, [sample(2, 2500, [power(9000)])]),
    ]);
    expect(ids).toEqual([s1.id, s2.id, s1.id, s1.id]);
    expect(await totalsOf(db, s1.id)).toEqual({
      lastMeterWh: 2500,
      lastMeterAt: at(2),
      energyWh: 1500,
      maxPowerW: 11000,
      soc: 35,
    });
    expect(await totalsOf(db, s2.id)).toMatchObject({ lastMeterWh: 300, energyWh: 300, maxPowerW: null });
    expect((await storedFor(db, s1.id)).map((v) => v.value)).toEqual([
      "1500",
      "7000",
      "40",
      "1200",
      "11000",
      "35",
      "2500",
      "9000",
    ]);
  });

  it("gives the same totals as writing the messages one by one", async () => {
    const random = seeded(20260301);
    const pairs = await Promise.all(
      [0, 1, 2].map(async () => [await aSession(db, providerA), await aSession(db, providerA)] as const),
    );
    const messages = Array.from({ length: 40 }, () => {
      const minute = random(60);
      return {
        pair: random(3),
        samples: [
          sample(minute, 1000 + minute * 50 + random(40), [
            power(random(22000)),
            ...(random(2) ? [soc(random(100))] : []),
          ]),
        ],
      };
    });
    await writeMeterValueBatch(
      db,
      messages.map((m) => itemFor(pairs[m.pair]![0], m.samples)),
    );
    for (const m of messages) await writeMeterValueBatch(db, [itemFor(pairs[m.pair]![1], m.samples)]);
    for (const [batched, oneByOne] of pairs) {
      expect(await totalsOf(db, batched.id)).toEqual(await totalsOf(db, oneByOne.id));
    }
  });

  it("keeps providers apart: the same OCPP transaction id finds each provider's own session (R4)", async () => {
    const ocppTransactionId = 900_001;
    const a = await aSession(db, providerA, { ocppTransactionId });
    const b = await aSession(db, providerB, { ocppTransactionId });
    const ids = await writeMeterValueBatch(db, [
      { ...itemFor(a, [sample(1, 1111)]), chargePointId: a.chargePointId },
      { ...itemFor(b, [sample(1, 2222)]), chargePointId: b.chargePointId },
    ]);
    expect(ids).toEqual([a.id, b.id]);
    expect((await totalsOf(db, a.id)).lastMeterWh).toBe(1111);
    expect((await totalsOf(db, b.id)).lastMeterWh).toBe(2222);
  });

  it("without a transaction id uses the connector's newest active session; connector 0 and unknown ids get none", async () => {
    const chargePointId = `CP-${tag()}`;
    await aSession(db, providerA, { chargePointId, status: "completed", startedAt: at(-60) });
    const active = await aSession(db, providerA, { chargePointId, startedAt: at(-5) });
    const base = { providerId: providerA, chargePointId, values: normalizeSamples([sample(1, 1900)]) };
    const ids = await writeMeterValueBatch(db, [
      { ...base, connectorId: 1 },
      { ...base, connectorId: 0 },
      { ...base, connectorId: 2 },
      { ...base, connectorId: 1, ocppTransactionId: 123_456_789 },
    ]);
    expect(ids).toEqual([active.id, null, null, null]);
    const orphans = await db
      .select({ transactionId: meterValues.transactionId })
      .from(meterValues)
      .where(eq(meterValues.chargePointId, chargePointId));
    expect(orphans.map((o) => o.transactionId).sort()).toEqual([active.id, null, null, null].sort());
  });

  it("moves a completed session's last register but not its energy", async () => {
    const done = await aSession(db, providerA, { status: "completed", energyWh: 400, lastMeterWh: 1400 });
    await writeMeterValueBatch(db, [itemFor(done, [sample(9, 1600)])]);
    expect(await totalsOf(db, done.id)).toMatchObject({ lastMeterWh: 1600, energyWh: 400 });
  });

  it("writes concurrent messages in few statements and answers each after its commit", async () => {
    const sessions = await Promise.all(Array.from({ length: 30 }, () => aSession(db, providerA)));
    const writer = createMeterValueWriter(db);
    const spy = vi.spyOn(db, "execute");
    try {
      const ids = await Promise.all(sessions.map((s) => writer.write(itemFor(s, [sample(3, 4000)]))));
      expect(ids).toEqual(sessions.map((s) => s.id));
      expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      spy.mockRestore();
    }
    const rows = await db
      .select({ id: transactions.id, wh: transactions.lastMeterWh })
      .from(transactions)
      .where(
        inArray(
          transactions.id,
          sessions.map((s) => s.id),
        ),
      );
    expect(rows.every((r) => r.wh === 4000)).toBe(true);
  });

  it("never loses a total when batches for one session overlap", async () => {
    const session = await aSession(db, providerA);
    const writer = createMeterValueWriter(db, { maxBatch: 3, maxInFlight: 2 });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writer.write(itemFor(session, [sample(i, 2000 + i * 10, [power(1000 + ((i * 7919) % 20) * 100)])])),
      ),
    );
    await writer.idle();
    expect(await totalsOf(db, session.id)).toMatchObject({
      lastMeterWh: 2190,
      energyWh: 1190,
      maxPowerW: 2900,
    });
    expect(await storedFor(db, session.id)).toHaveLength(40);
  });

  it("fails a bad message alone; the others of its batch are stored", async () => {
    const good = await aSession(db, providerA);
    const writer = createMeterValueWriter(db);
    // connectorId beyond PostgreSQL's integer: the whole batch fails, then each item is retried alone.
    const bad = { ...itemFor(good, [sample(1, 1234)]), ocppTransactionId: undefined, connectorId: 2 ** 31 };
    const results = await Promise.allSettled([
      writer.write(itemFor(good, [sample(1, 1500)])),
      writer.write(bad),
      writer.write(itemFor(good, [sample(2, 1700)])),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await storedFor(db, good.id)).map((v) => v.value)).toEqual(["1500", "1700"]);
    expect((await totalsOf(db, good.id)).lastMeterWh).toBe(1700);
  });
});
