import { autoCloseResolvedTickets, type CoreDeps } from "@voltlane/core";
import type { ServerExtension } from "../start-server";
import type { Job } from "./job-runner";

/** R61: resolved tickets close after the provider's ticketAutoCloseDays; idempotent, hourly. */
export function ticketAutoCloseJob(core: CoreDeps, everyMs = 3_600_000): Job {
  return { id: "ticket-auto-close", everyMs, run: () => autoCloseResolvedTickets(core) };
}

export const ticketJobsExtension: ServerExtension = async ({ core }) => ({
  jobs: [ticketAutoCloseJob(core)],
});
