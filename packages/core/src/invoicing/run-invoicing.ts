import { type Db, invoiceRuns, invoices } from "@voltlane/db";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { selectDueSubscriptions, subscriptionLineDrafts } from "../products/subscription-lines";
import type { BillingDeps } from "./billing-deps";
import { loadBillingCustomers, loadBillingProvider } from "./billing-parties";
import { selectBillableSessions, sessionLineDrafts, sessionParties } from "./collect-session-lines";
import { createDraftInvoice } from "./create-draft-invoice";
import type { InvoiceLineKind } from "./invoice-kinds";
import { groupLineDrafts } from "./invoice-line-draft";
import { lockProviderInvoicing } from "./invoice-run-lock";
import { issueInvoice } from "./issue-invoice";
import { parsePeriod, periodBounds } from "./period";
import "./invoice-templates";

export type RunInput = {
  providerId: string;
  period: string;
  trigger: "schedule" | "manual";
  triggeredBy?: string | null;
  onProgress?: (done: number, total: number) => void;
};

type Invoice = typeof invoices.$inferSelect;
export type RunResult = { run: typeof invoiceRuns.$inferSelect; invoices: Invoice[] };

/**
 * W3: the monthly run for one provider and period, in one database transaction under the
 * provider's invoicing lock (R55), so numbers stay gapless (R49) and a failed run leaves nothing
 * behind but its `failed` record (W3 step 6). Reruns only add what is missing (R52).
 */
export async function runInvoicing(deps: BillingDeps, actor: Actor, input: RunInput): Promise<RunResult> {
  parsePeriod(input.period);
  const provider = await loadBillingProvider(deps.db, input.providerId);
  const { end } = periodBounds(input.period, provider.timeZone);
  const startedAt = deps.clock.now();
  if (end > startedAt) {
    throw new AppError("business_rule", `period ${input.period} has not ended yet`, { rule: "R55" });
  }
  try {
    return await deps.db.transaction(async (tx) => {
      await lockProviderInvoicing(tx, provider.id);
      const [run] = await tx
        .insert(invoiceRuns)
        .values({
          providerId: provider.id,
          period: input.period,
          trigger: input.trigger,
          triggeredBy: input.triggeredBy ?? null,
          startedAt,
        })
        .returning();
      const created = await buildRunInvoices(tx, deps, actor, { ...input, end, runId: run!.id });
      const counts = countByKind(created);
      const [finished] = await tx
        .update(invoiceRuns)
        .set({ status: "completed", counts, finishedAt: deps.clock.now() })
        .where(eq(invoiceRuns.id, run!.id))
        .returning();
      await recordAudit(tx, actor, {
        action: "invoice_run.complete",
        entityType: "invoice_run",
        entityId: run!.id,
        after: { period: input.period, counts },
      });
      return { run: finished!, invoices: created };
    });
  } catch (error) {
    await deps.db.insert(invoiceRuns).values({
      providerId: provider.id,
      period: input.period,
      trigger: input.trigger,
      triggeredBy: input.triggeredBy ?? null,
      status: "failed",
      error: String(error).slice(0, 1000),
      startedAt,
      finishedAt: deps.clock.now(),
    });
    throw error;
  }
}

async function buildRunInvoices(
  tx: Db,
  deps: BillingDeps,
  actor: Actor,
  input: RunInput & { end: Date; runId: string },
): Promise<Invoice[]> {
  const provider = await loadBillingProvider(tx, input.providerId);
  const sessions = await selectBillableSessions(tx, provider.id, input.end);
  const due = await selectDueSubscriptions(tx, provider.id, input.period);
  const parties = await loadBillingCustomers(tx, provider.id, [
    ...sessionParties(sessions),
    ...due.map((d) => d.subscription.payerCustomerId),
  ]);
  const lines = [
    ...sessions.flatMap((s) => sessionLineDrafts(s, provider, parties)),
    ...subscriptionLineDrafts(due, input.period, provider, parties),
  ];
  const live = await tx
    .select({ customerId: invoices.customerId, kind: invoices.kind })
    .from(invoices)
    .where(
      and(
        eq(invoices.providerId, provider.id),
        eq(invoices.period, input.period),
        ne(invoices.status, "credited"),
      ),
    );
  const taken = new Set(live.map((row) => `${row.customerId}|${row.kind}`));
  const groups = [...groupLineDrafts(lines)].filter(([key]) => !taken.has(key)); // R52
  const created: Invoice[] = [];
  for (const [index, [, group]] of groups.entries()) {
    const customer = parties.get(group[0]!.customerId)!;
    const draft = await createDraftInvoice(tx, {
      providerId: provider.id,
      customerId: customer.id,
      kind: group[0]!.invoiceKind as InvoiceLineKind,
      period: input.period,
      currency: provider.currency,
      runId: input.runId,
      lines: group,
    });
    // W3 step 4: with reviewBeforeIssue the drafts wait for finance.
    const invoice = provider.settings.reviewBeforeIssue
      ? draft
      : await issueInvoice(tx, deps, actor, { provider, customer }, draft);
    created.push(invoice);
    input.onProgress?.(index + 1, groups.length);
  }
  return created;
}

function countByKind(created: Invoice[]): Record<string, number> {
  const counts: Record<string, number> = { invoices: created.length };
  for (const invoice of created) counts[invoice.kind] = (counts[invoice.kind] ?? 0) + 1;
  return counts;
}
