import { createDocumentStore, runDueInvoiceRuns } from "@voltlane/core";
import type { ServerExtension } from "../start-server";

/**
 * W3 step 1: checks hourly whether a provider's month is due (invoiceRunDay of the next month,
 * 02:00 provider time) and runs it once. Several processes may check at once: the run takes the
 * provider's lock and adds nothing the second time (R52, R55).
 */
export const invoiceRunExtension: ServerExtension = async ({ core, config }) => ({
  jobs: [
    {
      id: "invoice-run",
      everyMs: 3_600_000,
      run: () => runDueInvoiceRuns({ ...core, documents: createDocumentStore(config.dataDir) }),
    },
  ],
});
