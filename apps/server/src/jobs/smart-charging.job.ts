import {
  type CoreDeps,
  onGridChange,
  type ProfileSender,
  rebalanceAllProviders,
  sessionEventsOf,
} from "@voltlane/core";
import type { FastifyBaseLogger } from "fastify";
import { gatewayOf } from "../ocpp/gateway";
import { createOcppProfileSender } from "../ocpp/smart-charging/ocpp-profile-sender";
import type { ServerExtension } from "../start-server";
import type { Job } from "./job-runner";

/**
 * Safety net only: session starts, stops, boots and meter values re-balance at once through the
 * session events; this sweep retries failed sends and catches what other processes recorded.
 */
export const WATCH_EVERY_MS = 15_000;
/** Meter values and status notifications arrive often; they re-balance at most this often. */
export const METER_REBALANCE_MS = 2_000;
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
  const rebalance = () => queue.request(false).catch((err) => log.error({ err }, "smart charging failed"));
  const unsubscribe = [onGridChange(core, rebalance), ...onSessionEvents(core, rebalance)];
  return {
    jobs: smartChargingJobs(queue),
    close: async () => {
      for (const off of unsubscribe) off();
      await queue.idle();
    },
  };
};

/**
 * Issue #7: a start or stop re-balances at once. The events fire right after the commit, before the
 * handler answers, so the work is deferred one turn: StartTransaction.conf leaves first and the
 * charger knows the transaction id that the new TxProfile names.
 */
export function onSessionEvents(core: CoreDeps, rebalance: () => unknown): (() => void)[] {
  const events = sessionEventsOf(core);
  const soon = () => setImmediate(rebalance);
  // Throttled with a trailing run, so the last of a burst is never ignored.
  let lastMeterRun = 0;
  let trailing: NodeJS.Timeout | undefined;
  const throttled = () => {
    if (trailing) return;
    const wait = Math.max(0, lastMeterRun + METER_REBALANCE_MS - Date.now());
    trailing = setTimeout(() => {
      trailing = undefined;
      lastMeterRun = Date.now();
      rebalance();
    }, wait);
  };
  return [
    events.on("started", soon),
    events.on("stopped", soon),
    events.on("booted", soon),
    events.on("meterValues", ({ transactionId }) => transactionId && throttled()),
    // New connectors get their TxDefaultProfile without waiting for the sweep.
    events.on("status", throttled),
    () => clearTimeout(trailing),
  ];
}
