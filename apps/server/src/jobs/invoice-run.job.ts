import { createDocumentStore, produceInvoiceDocuments, runDueInvoiceRuns } from "@voltlane/core";
import type { ServerExtension } from "../start-server";

/**
 * W3 step 1: checks hourly whether a provider's month is due (invoiceRunDay of the next month,
 * 02:00 provider time) and runs it once. Several processes may check at once: each chunk of the run
 * takes the provider's lock and adds nothing the second time (R52, R55).
 * R56: `invoice-documents` works the documents queue (issued invoices without a PDF) every few
 * seconds: PDF, SHA-256 and the e-mail with it, after the issuing commit (docs/adr/0006). Claims
 * use SKIP LOCKED, so it may run in several processes; each pass stops after ~50 s of work.
 */
export const invoiceRunExtension: ServerExtension = async ({ core, config }) => {
  const deps = { ...core, documents: createDocumentStore(config.dataDir) };
  return {
    jobs: [
      { id: "invoice-run", everyMs: 3_600_000, run: () => runDueInvoiceRuns(deps) },
      {
        id: "invoice-documents",
        everyMs: 5_000,
        exclusive: false,
        run: () => produceDocumentsFor(50_000),
      },
    ],
  };

  async function produceDocumentsFor(budgetMs: number) {
    const until = Date.now() + budgetMs;
    let produced = 0;
    for (;;) {
      const n = await produceInvoiceDocuments(deps, { limit: 200 });
      produced += n;
      if (n === 0 || Date.now() > until) return { produced };
    }
  }
};
