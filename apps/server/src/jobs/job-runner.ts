import type { FastifyBaseLogger } from "fastify";

/** A declarative job: an id, how often it runs, and an idempotent handler that calls core. */
export type Job = {
  id: string;
  everyMs: number;
  run: () => Promise<unknown>;
};

/**
 * Runs each job on its interval, never overlapping itself. Jobs must be idempotent and claim their
 * work in the database (SKIP LOCKED or a lease), so several processes can run the same runner.
 */
export function startJobs(jobs: Job[], log: FastifyBaseLogger) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run()
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
    /** Stops scheduling and waits for runs in flight, so no claimed work is abandoned. */
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
