import { type Db, invoices } from "@voltlane/db";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Actor } from "../auth/principal";
import { isUniqueViolation } from "../errors/app-error";
import { selectDueSubscriptions, subscriptionLineDrafts } from "../products/subscription-lines";
import type { BillingDeps } from "./billing-deps";
import { type BillingCustomer, type BillingProvider, loadBillingCustomers } from "./billing-parties";
import { selectBillableSessions, sessionLineDrafts } from "./collect-session-lines";
import { type BuiltDrafts, buildDraftInvoices, writeDraftInvoices } from "./create-draft-invoice";
import type { InvoiceLineKind } from "./invoice-kinds";
import { groupLineDrafts } from "./invoice-line-draft";
import { billingChangesOf } from "./invoice-run-lock";
import { issueInvoices } from "./issue-invoice";

type Invoice = typeof invoices.$inferSelect;

export type ChunkInput = { providerId: string; period: string; end: Date; runId: string };

/**
 * What one chunk of customers will be invoiced, read and computed before its transaction: the
 * drafts with their lines and the parties, all read in one snapshot, with the provider's count of
 * billing changes in that snapshot.
 */
export type PreparedChunk = {
  customerIds: readonly string[];
  drafts: BuiltDrafts;
  parties: Map<string, BillingCustomer>;
  /** The provider's count of billing changes in the snapshot the chunk was read in. */
  billingChanges: number;
};

/**
 * W3 steps 2–3 for one chunk of customers: their unheld sessions and due subscriptions, routed into
 * lines (R40–R47) and grouped into drafts. Reads only, in one repeatable-read snapshot, so the run can
 * prepare the next chunk while the previous one is being written (`writeCustomerChunk` checks under
 * the lock that nothing it read has changed since).
 */
export async function prepareCustomerChunk(
  db: Db,
  provider: BillingProvider,
  input: ChunkInput,
  customerIds: readonly string[],
): Promise<PreparedChunk> {
  return db.transaction((tx) => readChunk(tx, provider, input, customerIds), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function readChunk(
  db: Db,
  provider: BillingProvider,
  input: ChunkInput,
  customerIds: readonly string[],
): Promise<PreparedChunk> {
  const billingChanges = await billingChangesOf(db, provider.id);
  const members = new Set(customerIds);
  const sessions = await selectBillableSessions(db, provider.id, input.end, customerIds);
  const due = (await selectDueSubscriptions(db, provider.id, input.period)).filter((d) =>
    members.has(d.subscription.payerCustomerId),
  );
  const parties = await loadBillingCustomers(db, provider.id, [
    ...sessions.flatMap((s) => [s.payerCustomerId, s.receiverCustomerId].filter((id): id is string => !!id)),
    ...due.map((d) => d.subscription.payerCustomerId),
  ]);
  const lines = [
    ...sessions.flatMap((s) => sessionLineDrafts(s, provider, parties, members)),
    ...subscriptionLineDrafts(due, input.period, provider, parties),
  ];
  const drafts = buildDraftInvoices(
    [...groupLineDrafts(lines).values()].map((group) => ({
      providerId: provider.id,
      customerId: group[0]!.customerId,
      kind: group[0]!.invoiceKind as InvoiceLineKind,
      period: input.period,
      currency: provider.currency,
      runId: input.runId,
      lines: group,
    })),
  );
  return { customerIds, drafts, parties, billingChanges };
}

/**
 * W3 steps 2–4 for one chunk, inside the caller's transaction, which holds the provider's invoicing
 * lock (R55). A chunk prepared outside the lock is used only if no billing change (a billable
 * override, a recomputed session: `lockForBillingChange`) was made since its snapshot; otherwise it
 * is prepared again here, under the lock. New sessions and subscriptions that appeared meanwhile
 * wait for the next run, as they would had they come a moment later. (customer, kind)
 * pairs that already have a live invoice this period are skipped (R52); the drafts are written and
 * issued with consecutive numbers (R49) unless finance reviews first. A session side or
 * subscription month claimed meanwhile by another run trips the unique line index (R53): the chunk
 * is then prepared again under the lock, where that claim is visible.
 */
export async function writeCustomerChunk(
  tx: Db,
  deps: BillingDeps,
  actor: Actor,
  provider: BillingProvider,
  input: ChunkInput,
  prepared: PreparedChunk,
): Promise<Invoice[]> {
  if ((await billingChangesOf(tx, provider.id)) === prepared.billingChanges) {
    try {
      return await tx.transaction((savepoint) =>
        writeChunk(savepoint, deps, actor, provider, input, prepared),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const fresh = await readChunk(tx, provider, input, prepared.customerIds);
  return writeChunk(tx, deps, actor, provider, input, fresh);
}

async function writeChunk(
  tx: Db,
  deps: BillingDeps,
  actor: Actor,
  provider: BillingProvider,
  input: ChunkInput,
  prepared: PreparedChunk,
): Promise<Invoice[]> {
  const drafts = await writeDraftInvoices(
    tx,
    withoutLiveInvoices(
      prepared.drafts,
      await liveInvoiceKeys(tx, provider.id, input.period, prepared.customerIds),
    ),
  );
  // W3 step 4: with reviewBeforeIssue the drafts wait for finance.
  if (provider.settings.reviewBeforeIssue) return drafts;
  return issueInvoices(
    tx,
    deps,
    actor,
    provider,
    drafts.map((draft) => ({ draft, customer: prepared.parties.get(draft.customerId)! })),
  );
}

/** R52: drops the drafts whose (customer, kind) already has a live invoice, with their lines. */
function withoutLiveInvoices(drafts: BuiltDrafts, taken: ReadonlySet<string>): BuiltDrafts {
  if (taken.size === 0) return drafts;
  const keep = drafts.invoices.map((row) => !taken.has(`${row.customer_id}|${row.kind}`));
  return {
    invoices: drafts.invoices.filter((_, i) => keep[i]),
    lines: drafts.lines.filter((_, i) => keep[i]),
  };
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
