import { type Db, invoiceLines, invoices, type PartySnapshot } from "@voltlane/db";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { renderInvoicePdf } from "../documents/render-invoice-pdf";
import { fromMinorUnits } from "../money/money";
import { enqueueNotification } from "../notifications/enqueue-notification";
import type { BillingDeps } from "./billing-deps";
import { type BillingCustomer, loadBillingCustomers } from "./billing-parties";
import { invoiceTitles } from "./invoice-templates";

type Invoice = typeof invoices.$inferSelect;
type Line = typeof invoiceLines.$inferSelect;

/**
 * R56 after the issuing commit (docs/adr/0006-invoice-run-chunks.md): issued invoices
 * without a PDF are the queue. Each batch is claimed with SKIP LOCKED, so several processes share
 * the work and never render one invoice twice; per invoice the PDF is rendered from the immutable
 * issued row, stored, fixed by its SHA-256 and the e-mail with it enters the outbox, all in the
 * claiming transaction. A crash before commit leaves the invoice queued; rendering is deterministic,
 * so a retry writes the same bytes. Returns how many documents were produced.
 */
export async function produceInvoiceDocuments(
  deps: BillingDeps,
  options: { limit?: number; batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const batchSize = options.batchSize ?? 50;
  let done = 0;
  while (done < limit) {
    const claimed = await deps.db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(invoices)
        .where(and(isNull(invoices.pdfSha256), ne(invoices.status, "draft")))
        .orderBy(asc(invoices.issuedAt), asc(invoices.number))
        .limit(Math.min(batchSize, limit - done))
        .for("update", { skipLocked: true });
      await produceAll(tx, deps, batch);
      return batch.length;
    });
    done += claimed;
    if (claimed > 0) options.onProgress?.(done);
    if (claimed < batchSize) break;
  }
  return done;
}

/**
 * The document of one invoice now (after a single issue, or on the first download): waits for a
 * producer that holds it, then returns the row with its PDF fixed. Drafts come back unchanged.
 */
export async function produceInvoiceDocument(deps: BillingDeps, invoiceId: string): Promise<Invoice> {
  return deps.db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
    if (!invoice) throw new Error(`invoice ${invoiceId} not found`);
    if (invoice.status === "draft" || invoice.pdfSha256) return invoice;
    const [produced] = await produceAll(tx, deps, [invoice]);
    return produced!;
  });
}

async function produceAll(tx: Db, deps: BillingDeps, batch: Invoice[]): Promise<Invoice[]> {
  if (batch.length === 0) return [];
  const ids = sql.param(batch.map((invoice) => invoice.id));
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(sql`${invoiceLines.invoiceId} = any(${ids}::uuid[])`)
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  const linesOf = new Map<string, Line[]>();
  for (const line of lines) {
    const list = linesOf.get(line.invoiceId);
    if (list) list.push(line);
    else linesOf.set(line.invoiceId, [line]);
  }
  const credited = await creditedNumbers(tx, batch);
  const customers = new Map<string, BillingCustomer>();
  for (const providerId of new Set(batch.map((invoice) => invoice.providerId))) {
    const ids = batch.filter((i) => i.providerId === providerId).map((i) => i.customerId);
    for (const [id, customer] of await loadBillingCustomers(tx, providerId, ids)) customers.set(id, customer);
  }
  const produced: Invoice[] = [];
  for (const invoice of batch) {
    const pdf = await renderInvoicePdf({
      ...invoice,
      number: invoice.number!,
      issueDate: invoice.issueDate!,
      provider: invoice.providerSnapshot!,
      customer: invoice.customerSnapshot!,
      lines: linesOf.get(invoice.id) ?? [],
      creditsNumber: invoice.creditsInvoiceId ? credited.get(invoice.creditsInvoiceId) : undefined,
      issuedAt: invoice.issuedAt!,
    });
    const stored = await deps.documents.put(
      `documents/${invoice.providerId}/invoices/${invoice.id}.pdf`,
      pdf,
    );
    // R50: the migration 0010 trigger lets pdf_key and pdf_sha256 be set once, never changed.
    const [fixed] = await tx
      .update(invoices)
      .set({ pdfKey: stored.key, pdfSha256: stored.sha256 })
      .where(and(eq(invoices.id, invoice.id), isNull(invoices.pdfSha256)))
      .returning();
    await mailInvoice(tx, fixed!, customers.get(invoice.customerId));
    produced.push(fixed!);
  }
  return produced;
}

/** Credit notes print the number of the invoice they reverse. */
async function creditedNumbers(tx: Db, batch: Invoice[]): Promise<Map<string, string>> {
  const ids = batch.map((invoice) => invoice.creditsInvoiceId).filter((id): id is string => !!id);
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(sql`${invoices.id} = any(${sql.param(ids)}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row.number ?? ""]));
}

/** R56: the PDF goes to the customer's current invoice address; without one it is only listed. */
async function mailInvoice(tx: Db, invoice: Invoice, customer: BillingCustomer | undefined) {
  if (!customer?.invoiceEmail) return;
  const provider = invoice.providerSnapshot as PartySnapshot;
  await enqueueNotification(tx, {
    providerId: invoice.providerId,
    channel: "email",
    template: "invoice_issued",
    language: customer.language,
    recipient: { kind: "customer", id: customer.id, email: customer.invoiceEmail },
    payload: {
      name: customer.name,
      provider: provider.name,
      number: invoice.number,
      title: invoiceTitles[invoice.kind],
      period: invoice.period,
      total: `${invoice.currency} ${fromMinorUnits(invoice.total, invoice.currency)}`,
      invoiceId: invoice.id,
    },
    attachments: [
      { filename: `${invoice.number}.pdf`, storageKey: invoice.pdfKey!, contentType: "application/pdf" },
    ],
  });
}
