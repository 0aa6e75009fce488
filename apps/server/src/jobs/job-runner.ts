import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { FastifyBaseLogger } from "fastify";

/** A declarative job: an id, how often it runs, and an idempotent handler that calls core. */
export type Job = {
  id: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /**
   * Runs on one process only (default). Jobs that claim their own rows with SKIP LOCKED may set
   * false to run everywhere.
   */
  exclusive?: boolean;
};

/** Takes or renews the job's lease; true when this process may run it now. */
export type ClaimLease = (jobId: string, holder: string, leaseMs: number) => Promise<boolean>;
/** Notes the finished run of an exclusive job on its lease row (when, by whom, what it returned or threw). */
export type RecordRun = (jobId: string, holder: string, result: unknown) => Promise<void>;
/** Gives up the leases this process holds (on a graceful stop). */
export type ReleaseLeases = (holder: string) => Promise<void>;

/**
 * Runs each job on its interval, never overlapping itself. Exclusive jobs run on the one process
 * that holds their lease, so N processes run each scheduled job once; every job is idempotent, so
 * a run repeated after a crash does no harm.
 */
export function startJobs(
  jobs: Job[],
  log: FastifyBaseLogger,
  claim?: ClaimLease,
  recordRun?: RecordRun,
  release?: ReleaseLeases,
) {
  // Names the process, so that an operator (or the two-process test) can tell who holds a lease.
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const leaseMs = Math.max(30_000, job.everyMs * 3);
    const once = async () => {
      const leased = job.exclusive !== false && claim !== undefined;
      if (leased && !(await claim(job.id, holder, leaseMs))) return;
      if (!leased || !recordRun) return job.run();
      // A failed run is recorded too: operators see the error on the lease row, the log has the stack.
      const result = await job.run().catch(async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        await recordRun(job.id, holder, { error: message }).catch(() => {});
        throw error;
      });
      await recordRun(job.id, holder, result);
    };
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = once()
        .catch((err) => log.error({ err, job: job.id }, "job failed"))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    timers.push(setInterval(tick, job.everyMs));
    setImmediate(tick);
  }
  return {
    /**
     * Stops scheduling, waits for runs in flight (no claimed work is abandoned), then hands the leases
     * back so another process need not wait for them to expire.
     */
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
      await release?.(holder).catch((err: unknown) => log.warn({ err }, "job leases not released"));
    },
  };
}
