import { type Db, jobLocks } from "@voltlane/db";
import { sql } from "drizzle-orm";

/**
 * A scheduled job runs on one process at a time: the process that holds the job's lease (a row in
 * job_locks) runs it and keeps renewing; another process takes over only after the lease expired.
 */
export async function claimJobLease(
  db: Db,
  job: string,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db
    .insert(jobLocks)
    .values({ name: job, holder, lockedUntil: until })
    .onConflictDoUpdate({
      target: jobLocks.name,
      set: { holder, lockedUntil: until },
      setWhere: sql`${jobLocks.lockedUntil} < ${now} or ${jobLocks.holder} = ${holder}`,
    })
    .returning({ holder: jobLocks.holder });
  return rows.length === 1;
}

/** Records when a job last ran and what it returned (shown to operators). */
export async function recordJobRun(
  db: Db,
  job: string,
  holder: string,
  at: Date,
  result: unknown,
): Promise<void> {
  await db
    .update(jobLocks)
    .set({ lastRunAt: at, lastResult: (result ?? null) as never })
    .where(sql`${jobLocks.name} = ${job} and ${jobLocks.holder} = ${holder}`);
}

/**
 * Gives up every lease a stopping process holds, so that another process takes its jobs over at its
 * next tick instead of waiting for the leases to expire (up to three intervals of an hourly job).
 */
export async function releaseJobLeases(db: Db, holder: string, now: Date): Promise<void> {
  await db
    .update(jobLocks)
    .set({ lockedUntil: now })
    .where(sql`${jobLocks.holder} = ${holder} and ${jobLocks.lockedUntil} > ${now}`);
}
