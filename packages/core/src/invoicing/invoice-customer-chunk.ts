import { type Db, invoices } from "@voltlane/db";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Actor } from "../auth/principal";
import { selectDueSubscriptions, subscriptionLineDrafts } from "../products/subscription-lines";
import type { BillingDeps } from "./billing-deps";
import { loadBillingCustomers, loadBillingProvider } from "./billing-parties";
import { selectBillableSessions, sessionLineDrafts } from "./collect-session-lines";
import { createDraftInvoices } from "./create-draft-invoice";
import type { InvoiceLineKind } from "./invoice-kinds";
import { groupLineDrafts } from "./invoice-line-draft";
import { issueInvoices } from "./issue-invoice";

type Invoice = typeof invoices.$inferSelect;

export type ChunkInput = { providerId: string; period: string; end: Date; runId: string };

/**
 * W3 steps 2–4 for one chunk of customers, inside the caller's transaction (which holds the
 * provider's invoicing lock, R55): select their unheld sessions and due subscriptions, skip
 * (customer, kind) pairs that already have a live invoice this period (R52), write the drafts and
 * issue them with consecutive numbers (R49) unless finance reviews first.
 */
export async function invoiceCustomerChunk(
  tx: Db,
  deps: BillingDeps,
  actor: Actor,
  input: ChunkInput,
  customerIds: readonly string[],
): Promise<Invoice[]> {
  const provider = await loadBillingProvider(tx, input.providerId);
  const members = new Set(customerIds);
  const sessions = await selectBillableSessions(tx, provider.id, input.end, customerIds);
  const due = (await selectDueSubscriptions(tx, provider.id, input.period)).filter((d) =>
    members.has(d.subscription.payerCustomerId),
  );
  const parties = await loadBillingCustomers(tx, provider.id, [
    ...sessions.flatMap((s) => [s.payerCustomerId, s.receiverCustomerId].filter((id): id is string => !!id)),
    ...due.map((d) => d.subscription.payerCustomerId),
  ]);
  const lines = [
    ...sessions.flatMap((s) => sessionLineDrafts(s, provider, parties, members)),
    ...subscriptionLineDrafts(due, input.period, provider, parties),
  ];
  const taken = await liveInvoiceKeys(tx, provider.id, input.period, customerIds);
  const groups = [...groupLineDrafts(lines)].filter(([key]) => !taken.has(key)); // R52
  const drafts = await createDraftInvoices(
    tx,
    groups.map(([, group]) => ({
      providerId: provider.id,
      customerId: group[0]!.customerId,
      kind: group[0]!.invoiceKind as InvoiceLineKind,
      period: input.period,
      currency: provider.currency,
      runId: input.runId,
      lines: group,
    })),
  );
  // W3 step 4: with reviewBeforeIssue the drafts wait for finance.
  if (provider.settings.reviewBeforeIssue) return drafts;
  return issueInvoices(
    tx,
    deps,
    actor,
    provider,
    drafts.map((draft) => ({ draft, customer: parties.get(draft.customerId)! })),
  );
}

/** R52: `customerId|kind` of the live invoices of the period among these customers. */
async function liveInvoiceKeys(tx: Db, providerId: string, period: string, customerIds: readonly string[]) {
  const live = await tx
    .select({ customerId: invoices.customerId, kind: invoices.kind })
    .from(invoices)
    .where(
      and(
        eq(invoices.providerId, providerId),
        eq(invoices.period, period),
        ne(invoices.status, "credited"),
        sql`${invoices.customerId} = any(${sql.param([...customerIds])}::uuid[])`,
      ),
    );
  return new Set(live.map((row) => `${row.customerId}|${row.kind}`));
}
