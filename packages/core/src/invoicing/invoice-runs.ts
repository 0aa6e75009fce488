import { invoiceRuns, invoices } from "@voltlane/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { assertCan } from "../policy/can";
import type { BillingDeps } from "./billing-deps";
import { runInvoicing } from "./run-invoicing";

type Run = typeof invoiceRuns.$inferSelect;
type Invoice = typeof invoices.$inferSelect;

/** API shape of a run: `{id, period, invoices, status}` plus details. */
export function presentInvoiceRun(run: Run, created: Invoice[]) {
  return {
    id: run.id,
    period: run.period,
    status: run.status as "running" | "completed" | "failed",
    trigger: run.trigger,
    triggeredBy: run.triggeredBy,
    invoices: created.map((i) => ({
      id: i.id,
      number: i.number,
      kind: i.kind,
      customerId: i.customerId,
      total: i.total,
      status: i.status,
    })),
    invoiceCount: created.length,
    counts: run.counts,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** W3 step 1: finance triggers a run for any ended period (R55); synchronous, idempotent (R52). */
export async function startInvoiceRun(
  deps: BillingDeps,
  p: Principal,
  input: { period: string; onProgress?: (done: number, total: number) => void },
) {
  assertCan(p, "invoice_runs", "write");
  const result = await runInvoicing(deps, p, {
    providerId: p.providerId,
    period: input.period,
    trigger: "manual",
    triggeredBy: p.userId,
    onProgress: input.onProgress,
  });
  return presentInvoiceRun(result.run, result.invoices);
}

export async function listInvoiceRuns(
  deps: BillingDeps,
  p: Principal,
  page: { page: number; pageSize: number },
) {
  assertCan(p, "invoice_runs", "read");
  const where = eq(invoiceRuns.providerId, p.providerId);
  const rows = await deps.db
    .select()
    .from(invoiceRuns)
    .where(where)
    .orderBy(desc(invoiceRuns.startedAt), desc(invoiceRuns.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(invoiceRuns).where(where);
  const items = [];
  for (const run of rows) items.push(presentInvoiceRun(run, await invoicesOfRun(deps, run.id)));
  return { items, total: count!.n, ...page };
}

export async function getInvoiceRun(deps: BillingDeps, p: Principal, id: string) {
  assertCan(p, "invoice_runs", "read");
  const [run] = await deps.db
    .select()
    .from(invoiceRuns)
    .where(and(eq(invoiceRuns.id, id), eq(invoiceRuns.providerId, p.providerId)));
  if (!run) throw new AppError("not_found", "invoice run not found");
  return presentInvoiceRun(run, await invoicesOfRun(deps, run.id));
}

function invoicesOfRun(deps: BillingDeps, runId: string) {
  return deps.db.select().from(invoices).where(eq(invoices.runId, runId)).orderBy(asc(invoices.number));
}
