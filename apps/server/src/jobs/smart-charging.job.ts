import { type CoreDeps, onGridChange, type ProfileSender, rebalanceAllProviders } from "@voltlane/core";
import type { FastifyBaseLogger } from "fastify";
import { gatewayOf } from "../ocpp/gateway";
import { createOcppProfileSender } from "../ocpp/smart-charging/ocpp-profile-sender";
import type { ServerExtension } from "../start-server";
import type { Job } from "./job-runner";

/** Session starts and stops, and material changes of measured draw, are picked up within this. */
export const WATCH_EVERY_MS = 2_000;
/** Time-of-use boundaries and expiring external limits; each of these runs also samples the load history. */
export const SAMPLE_EVERY_MS = 30_000;

/**
 * Runs re-balances one at a time; requests that arrive while one runs collapse into one follow-up, so
 * a burst of grid edits costs at most two runs. A sampling request upgrades the follow-up.
 */
export function createRebalanceQueue(core: CoreDeps, sender: ProfileSender, log: FastifyBaseLogger) {
  let running: Promise<void> | undefined;
  let queued: { sample: boolean; done: Promise<void> } | undefined;
  const onError = (providerId: string, err: unknown) =>
    log.error({ err, providerId }, "smart charging failed");
  const runOnce = (sample: boolean) => rebalanceAllProviders(core, sender, { sample, onError });
  const request = (sample: boolean): Promise<void> => {
    if (!running) {
      running = runOnce(sample).finally(() => {
        running = undefined;
      });
      return running;
    }
    if (queued) {
      queued.sample ||= sample;
      return queued.done;
    }
    const next = { sample, done: Promise.resolve() };
    next.done = running.then(() => {
      queued = undefined;
      return request(next.sample);
    });
    queued = next;
    return next.done;
  };
  const idle = async () => {
    await queued?.done;
    await running;
  };
  return { request, idle };
}

export function smartChargingJobs(queue: ReturnType<typeof createRebalanceQueue>): Job[] {
  return [
    { id: "smart-charging-watch", everyMs: WATCH_EVERY_MS, run: () => queue.request(false) },
    { id: "smart-charging", everyMs: SAMPLE_EVERY_MS, run: () => queue.request(true) },
  ];
}

/**
 * Issue #7: applies grid allocations with OCPP charging profiles. Needs the OCPP gateway (registered
 * before it in extensions.ts); grid edits re-balance at once through the core's grid-change signal.
 */
export const smartChargingExtension: ServerExtension = async ({ app, core }) => {
  const gateway = gatewayOf(core);
  if (!gateway) return undefined;
  const log = app.log.child({ component: "smart-charging" });
  const queue = createRebalanceQueue(core, createOcppProfileSender(gateway.router), log);
  const unsubscribe = onGridChange(core, () => {
    queue.request(false).catch((err) => log.error({ err }, "smart charging failed"));
  });
  return {
    jobs: smartChargingJobs(queue),
    close: async () => {
      unsubscribe();
      await queue.idle();
    },
  };
};
