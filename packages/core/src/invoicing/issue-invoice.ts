import { type Db, type invoices, payouts } from "@voltlane/db";
import { sql } from "drizzle-orm";
import { recordAudits } from "../audit/record-audit";
import type { Actor } from "../auth/principal";
import type { BillingDeps } from "./billing-deps";
import type { BillingCustomer, BillingProvider } from "./billing-parties";
import { type InvoiceSeries, nextInvoiceNumbers } from "./invoice-numbering";
import { addDays, localDate } from "./period";

type Invoice = typeof invoices.$inferSelect;

/** R57: debit due after paymentTermDays; payouts after selfBillPayoutDays / reimbursementPayoutDays. */
function termDays(kind: string, settings: BillingProvider["settings"]): number | null {
  if (kind === "cost") return settings.paymentTermDays;
  if (kind === "self-bill") return settings.selfBillPayoutDays;
  if (kind === "reimbursement") return settings.reimbursementPayoutDays;
  return null;
}

/** R58: where settlement starts. Payouts without an IBAN stay on hold (R12). */
function initialSettlement(invoice: Invoice, customer: BillingCustomer): string {
  if (invoice.kind === "credit-note") return "credited";
  if (invoice.direction === "debit") return "open";
  return customer.iban ? "payout_pending" : "on_hold";
}

export type IssueItem = { draft: Invoice; customer: BillingCustomer };

/**
 * W3 step 4–5 for one draft: see `issueInvoices`. The PDF and the e-mail follow after commit
 * (`produceInvoiceDocuments`).
 */
export async function issueInvoice(
  tx: Db,
  deps: BillingDeps,
  actor: Actor,
  parties: { provider: BillingProvider; customer: BillingCustomer },
  draft: Invoice,
): Promise<Invoice> {
  const [issued] = await issueInvoices(tx, deps, actor, parties.provider, [
    { draft, customer: parties.customer },
  ]);
  return issued!;
}

/**
 * W3 step 4–5: gives drafts their numbers inside this database transaction, consecutive in the
 * order given (R49), freezes snapshots, totals and due dates (R50) and, for credit invoices, creates
 * the payout (R57, R58). Rendering the PDF and queueing the e-mail with it (R56) happen after
 * commit from the issued, immutable rows (docs/adr/0006-invoice-run-chunks.md).
 */
export async function issueInvoices(
  tx: Db,
  deps: BillingDeps,
  actor: Actor,
  provider: BillingProvider,
  items: readonly IssueItem[],
): Promise<Invoice[]> {
  if (items.length === 0) return [];
  const now = deps.clock.now();
  const issueDate = localDate(now, provider.timeZone);
  const numbers = await numbersFor(tx, provider, items);
  const issued = items.map(({ draft, customer }, index) => {
    const days = termDays(draft.kind, provider.settings);
    return {
      ...draft,
      number: numbers[index]!,
      status: "issued",
      issueDate,
      dueDate: days === null ? null : addDays(issueDate, days),
      issuedAt: now,
      customerSnapshot: customer.snapshot,
      providerSnapshot: provider.snapshot,
      settlement: initialSettlement(draft, customer),
      updatedAt: now,
    };
  });
  const batch = 2_000;
  for (let i = 0; i < issued.length; i += batch) await markIssued(tx, issued.slice(i, i + batch), now);
  const payoutRows = issued
    .map((invoice, index) => ({ invoice, customer: items[index]!.customer }))
    .filter(({ invoice }) => invoice.kind === "self-bill" || invoice.kind === "reimbursement")
    .map(({ invoice, customer }) => ({
      providerId: provider.id,
      customerId: customer.id,
      invoiceId: invoice.id,
      amount: invoice.total,
      ibanSnapshot: customer.iban,
      status: customer.iban ? "pending" : "on_hold",
      dueDate: invoice.dueDate!,
    }));
  for (let i = 0; i < payoutRows.length; i += batch) {
    await tx.insert(payouts).values(payoutRows.slice(i, i + batch));
  }
  await recordAudits(
    tx,
    actor,
    issued.map((invoice) => ({
      action: "invoice.issue",
      entityType: "invoice",
      entityId: invoice.id,
      after: {
        number: invoice.number,
        kind: invoice.kind,
        total: invoice.total,
        customerId: invoice.customerId,
      },
      at: now,
    })),
  );
  return issued;
}

/** Numbers per series, handed out in the order of `items` (R48, R49). */
async function numbersFor(tx: Db, provider: BillingProvider, items: readonly IssueItem[]) {
  const numbers: string[] = new Array(items.length);
  for (const series of ["03", "08"] as InvoiceSeries[]) {
    const positions = items.flatMap((item, index) => (item.draft.series === series ? [index] : []));
    const taken = await nextInvoiceNumbers(tx, provider.id, series, provider.invoicePrefix, positions.length);
    positions.forEach((position, i) => {
      numbers[position] = taken[i]!;
    });
  }
  return numbers;
}

/** One UPDATE for many drafts; `status = 'draft'` keeps an issued invoice from being issued twice. */
async function markIssued(tx: Db, rows: Invoice[], now: Date) {
  const payload = rows.map((row) => ({
    id: row.id,
    number: row.number,
    issue_date: row.issueDate,
    due_date: row.dueDate,
    settlement: row.settlement,
    customer_snapshot: row.customerSnapshot,
    provider_snapshot: row.providerSnapshot,
  }));
  const result = await tx.execute(sql`
    update invoices i
    set number = x.number, status = 'issued', issue_date = x.issue_date, due_date = x.due_date,
        issued_at = ${now.toISOString()}::timestamptz, customer_snapshot = x.customer_snapshot,
        provider_snapshot = x.provider_snapshot, settlement = x.settlement, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(id uuid, number text, issue_date text,
      due_date text, settlement text, customer_snapshot jsonb, provider_snapshot jsonb)
    where i.id = x.id and i.status = 'draft'
    returning i.id`);
  const updated = (result as unknown as { rows: unknown[] }).rows.length;
  if (updated !== rows.length) {
    throw new Error(`issued ${updated} of ${rows.length} drafts: some were no longer drafts`);
  }
}
