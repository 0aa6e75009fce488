import { claimJobLease, recordJobRun, releaseJobLeases } from "@voltlane/core";
import { type Database, jobLocks } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobs } from "./job-runner";

describe("job runner", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("gives a job's lease to one holder until it expires", async () => {
    const t0 = new Date("2026-11-01T00:00:00Z");
    expect(await claimJobLease(database.db, "lease-test", "a", t0, 30_000)).toBe(true);
    expect(await claimJobLease(database.db, "lease-test", "b", new Date(t0.getTime() + 10_000), 30_000)).toBe(
      false,
    );
    // The holder renews its own lease.
    expect(await claimJobLease(database.db, "lease-test", "a", new Date(t0.getTime() + 20_000), 30_000)).toBe(
      true,
    );
    expect(await claimJobLease(database.db, "lease-test", "b", new Date(t0.getTime() + 40_000), 30_000)).toBe(
      false,
    );
    // After expiry another process takes over.
    expect(await claimJobLease(database.db, "lease-test", "b", new Date(t0.getTime() + 60_000), 30_000)).toBe(
      true,
    );
  });

  it("runs an exclusive job in only one of two runners sharing a database", async () => {
    const log = pino({ level: "silent" });
    const counts = { first: 0, second: 0 };
    const claim = (job: string, holder: string, leaseMs: number) =>
      claimJobLease(database.db, job, holder, new Date(), leaseMs);
    const first = startJobs([{ id: "once", everyMs: 20, run: async () => counts.first++ }], log, claim);
    const second = startJobs([{ id: "once", everyMs: 20, run: async () => counts.second++ }], log, claim);
    await new Promise((r) => setTimeout(r, 400));
    await first.stop();
    await second.stop();
    expect(counts.first + counts.second).toBeGreaterThan(3);
    expect(Math.min(counts.first, counts.second)).toBe(0);
  });

  it("records each run of an exclusive job on its lease row, naming the process that ran it", async () => {
    const log = pino({ level: "silent" });
    const claim = (job: string, holder: string, leaseMs: number) =>
      claimJobLease(database.db, job, holder, new Date(), leaseMs);
    const record = (job: string, holder: string, result: unknown) =>
      recordJobRun(database.db, job, holder, new Date(), result);
    let runs = 0;
    const failing = async () => {
      throw new Error("mail server down");
    };
    const runner = startJobs(
      [
        { id: "recorded", everyMs: 20, run: async () => ({ run: ++runs }) },
        { id: "recorded-failure", everyMs: 20, run: failing },
      ],
      log,
      claim,
      record,
    );
    await new Promise((r) => setTimeout(r, 200));
    await runner.stop();
    const [row] = await database.db.select().from(jobLocks).where(eq(jobLocks.name, "recorded"));
    expect(row!.holder).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{8}$`));
    expect(row!.lastRunAt).toBeInstanceOf(Date);
    expect(runs).toBeGreaterThan(1);
    expect(row!.lastResult).toEqual({ run: runs });
    const [failed] = await database.db.select().from(jobLocks).where(eq(jobLocks.name, "recorded-failure"));
    expect(failed!.lastRunAt).toBeInstanceOf(Date);
    expect(failed!.lastResult).toEqual({ error: "mail server down" });
  });

  it("hands its leases back on stop, so another process takes an hourly job over at once", async () => {
    const log = pino({ level: "silent" });
    const claim = (job: string, holder: string, leaseMs: number) =>
      claimJobLease(database.db, job, holder, new Date(), leaseMs);
    const release = (holder: string) => releaseJobLeases(database.db, holder, new Date());
    let runs = 0;
    const runner = startJobs(
      [{ id: "hourly", everyMs: 3_600_000, run: async () => runs++ }],
      log,
      claim,
      undefined,
      release,
    );
    await expect.poll(() => runs).toBe(1);
    // Held for three hours: nobody else may take it while the holder lives.
    expect(await claimJobLease(database.db, "hourly", "other", new Date(), 30_000)).toBe(false);
    await runner.stop();
    expect(await claimJobLease(database.db, "hourly", "other", new Date(), 30_000)).toBe(true);
    // A stop releases only its own leases.
    await releaseJobLeases(database.db, "nobody", new Date());
    expect(await claimJobLease(database.db, "hourly", "third", new Date(), 30_000)).toBe(false);
  });

  it("runs non-exclusive jobs everywhere and never overlaps a job with itself", async () => {
    const log = pino({ level: "silent" });
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const slow = async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 60));
      active--;
      runs++;
    };
    const runner = startJobs([{ id: "slow", everyMs: 10, run: slow, exclusive: false }], log);
    await new Promise((r) => setTimeout(r, 300));
    await runner.stop();
    expect(runs).toBeGreaterThan(1);
    expect(maxActive).toBe(1);
  });
});
