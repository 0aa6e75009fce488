import { markOverdueInvoices } from "@voltlane/core";
import type { ServerExtension } from "../start-server";

/**
 * R58: hourly, open or partially paid debits past their due date (provider time) become `overdue`
 * and the customer and finance are told through the outbox. Exclusive under the job lease; the
 * state change is the idempotency key, so a repeated pass sends nothing twice.
 */
export const invoiceOverdueExtension: ServerExtension = async ({ core }) => ({
  jobs: [{ id: "invoice-overdue", everyMs: 3_600_000, run: () => markOverdueInvoices(core) }],
});
