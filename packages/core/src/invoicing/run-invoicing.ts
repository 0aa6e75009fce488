import { invoiceRuns, type invoices } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { BillingDeps } from "./billing-deps";
import { loadBillingProvider } from "./billing-parties";
import { prepareCustomerChunk, writeCustomerChunk } from "./invoice-customer-chunk";
import { lockProviderInvoicing } from "./invoice-run-lock";
import { parsePeriod, periodBounds } from "./period";
import { type ChunkLimits, defaultChunkLimits, planInvoiceRun } from "./plan-invoice-run";

export type RunInput = {
  providerId: string;
  period: string;
  trigger: "schedule" | "manual";
  triggeredBy?: string | null;
  /** Called after each committed chunk with customers done and customers planned. */
  onProgress?: (done: number, total: number) => void;
  chunkLimits?: ChunkLimits;
};

type Invoice = typeof invoices.$inferSelect;
export type RunResult = { run: typeof invoiceRuns.$inferSelect; invoices: Invoice[] };

/**
 * W3: the monthly run for one provider and period. The customers are cut into chunks; each chunk
 * is one database transaction under the provider's invoicing lock (R55) that takes its invoice
 * numbers itself, so numbers stay gapless (R49) and every committed chunk is final. A failed chunk
 * rolls back alone: the run is marked `failed` with what it committed, and a rerun continues
 * with the customers still missing (R52, W3 step 6). PDFs and e-mails follow after commit
 * (`produceInvoiceDocuments`, docs/adr/0006-invoice-run-chunks.md).
 */
export async function runInvoicing(deps: BillingDeps, actor: Actor, input: RunInput): Promise<RunResult> {
  parsePeriod(input.period);
  const provider = await loadBillingProvider(deps.db, input.providerId);
  const { end } = periodBounds(input.period, provider.timeZone);
  const startedAt = deps.clock.now();
  if (end > startedAt) {
    throw new AppError("business_rule", `period ${input.period} has not ended yet`, { rule: "R55" });
  }
  const [run] = await deps.db
    .insert(invoiceRuns)
    .values({
      providerId: provider.id,
      period: input.period,
      trigger: input.trigger,
      triggeredBy: input.triggeredBy ?? null,
      startedAt,
    })
    .returning();
  const created: Invoice[] = [];
  try {
    const chunks = await planInvoiceRun(
      deps.db,
      provider.id,
      input.period,
      end,
      input.chunkLimits ?? defaultChunkLimits,
    );
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    await deps.db.update(invoiceRuns).set({ customersTotal: total }).where(eq(invoiceRuns.id, run!.id));
    let done = 0;
    const chunkInput = { providerId: provider.id, period: input.period, end, runId: run!.id };
    // Pipelined: the next chunks are read and computed (no lock, each in its own snapshot) while
    // this one is written under the lock, so Node and PostgreSQL work at the same time.
    const prepare = (index: number) => {
      const chunk = chunks[index];
      if (!chunk) return undefined;
      const prepared = prepareCustomerChunk(deps.db, provider, chunkInput, chunk);
      prepared.catch(() => {}); // awaited below; a run that fails before then must not leave it unhandled
      return prepared;
    };
    const ahead = [prepare(0), prepare(1)];
    for (let index = 0; index < chunks.length; index++) {
      const prepared = await ahead.shift()!;
      ahead.push(prepare(index + 2));
      const made = await deps.db.transaction(async (tx) => {
        await lockProviderInvoicing(tx, provider.id);
        const invoices = await writeCustomerChunk(tx, deps, actor, provider, chunkInput, prepared);
        // Progress commits with the chunk: the run record never claims what was rolled back.
        await tx
          .update(invoiceRuns)
          .set({
            counts: countByKind([...created, ...invoices]),
            customersDone: done + prepared.customerIds.length,
          })
          .where(eq(invoiceRuns.id, run!.id));
        return invoices;
      });
      created.push(...made);
      done += prepared.customerIds.length;
      input.onProgress?.(done, total);
    }
    return await finishRun(deps, actor, run!.id, input.period, created);
  } catch (error) {
    await deps.db
      .update(invoiceRuns)
      .set({ status: "failed", error: describeError(error).slice(0, 1000), finishedAt: deps.clock.now() })
      .where(eq(invoiceRuns.id, run!.id));
    throw error;
  }
}

async function finishRun(
  deps: BillingDeps,
  actor: Actor,
  runId: string,
  period: string,
  created: Invoice[],
): Promise<RunResult> {
  const counts = countByKind(created);
  return deps.db.transaction(async (tx) => {
    const [finished] = await tx
      .update(invoiceRuns)
      .set({ status: "completed", counts, finishedAt: deps.clock.now() })
      .where(eq(invoiceRuns.id, runId))
      .returning();
    await recordAudit(tx, actor, {
      action: "invoice_run.complete",
      entityType: "invoice_run",
      entityId: runId,
      after: { period, counts },
    });
    return { run: finished!, invoices: created };
  });
}

function countByKind(created: Invoice[]): Record<string, number> {
  const counts: Record<string, number> = { invoices: created.length };
  for (const invoice of created) counts[invoice.kind] = (counts[invoice.kind] ?? 0) + 1;
  return counts;
}

/** The database's own message sits in the query error's cause. */
function describeError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message.slice(0, 300) : String(error)}${cause}`;
}
