import { type Db, invoiceLines, invoices, payouts } from "@voltlane/db";
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/principal";
import { renderInvoicePdf } from "../documents/render-invoice-pdf";
import { fromMinorUnits } from "../money/money";
import { enqueueNotification } from "../notifications/enqueue-notification";
import type { BillingDeps } from "./billing-deps";
import type { BillingCustomer, BillingProvider } from "./billing-parties";
import { nextInvoiceNumber } from "./invoice-numbering";
import { invoiceTitles } from "./invoice-templates";
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

/**
 * W3 step 4–5: gives a draft its number inside this database transaction (R49), freezes the
 * snapshots and totals (R50), renders and stores the PDF, queues the e-mail with the PDF (R56) and,
 * for credit invoices, the payout (R57, R58).
 */
export async function issueInvoice(
  tx: Db,
  deps: BillingDeps,
  actor: Actor,
  parties: { provider: BillingProvider; customer: BillingCustomer },
  draft: Invoice,
  options: { creditsNumber?: string | null } = {},
): Promise<Invoice> {
  const { provider, customer } = parties;
  const now = deps.clock.now();
  const number = await nextInvoiceNumber(
    tx,
    provider.id,
    draft.series as "03" | "08",
    provider.invoicePrefix,
  );
  const issueDate = localDate(now, provider.timeZone);
  const days = termDays(draft.kind, provider.settings);
  const dueDate = days === null ? null : addDays(issueDate, days);
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, draft.id))
    .orderBy(asc(invoiceLines.position));
  const pdf = await renderInvoicePdf({
    ...draft,
    number,
    issueDate,
    dueDate,
    provider: provider.snapshot,
    customer: customer.snapshot,
    lines,
    creditsNumber: options.creditsNumber,
    issuedAt: now,
  });
  const stored = await deps.documents.put(`documents/${provider.id}/invoices/${draft.id}.pdf`, pdf);
  const [issued] = await tx
    .update(invoices)
    .set({
      number,
      status: "issued",
      issueDate,
      dueDate,
      issuedAt: now,
      customerSnapshot: customer.snapshot,
      providerSnapshot: provider.snapshot,
      settlement: initialSettlement(draft, customer),
      pdfKey: stored.key,
      pdfSha256: stored.sha256,
      updatedAt: now,
    })
    .where(eq(invoices.id, draft.id))
    .returning();
  if (draft.kind === "self-bill" || draft.kind === "reimbursement") {
    await tx.insert(payouts).values({
      providerId: provider.id,
      customerId: customer.id,
      invoiceId: draft.id,
      amount: draft.total,
      ibanSnapshot: customer.iban,
      status: customer.iban ? "pending" : "on_hold",
      dueDate: dueDate!,
    });
  }
  await mailInvoice(tx, provider, customer, issued!);
  await recordAudit(tx, actor, {
    action: "invoice.issue",
    entityType: "invoice",
    entityId: draft.id,
    after: { number, kind: draft.kind, total: draft.total, customerId: customer.id },
    at: now,
  });
  return issued!;
}

async function mailInvoice(tx: Db, provider: BillingProvider, customer: BillingCustomer, invoice: Invoice) {
  if (!customer.invoiceEmail) return; // R56: still listed in the portal.
  await enqueueNotification(tx, {
    providerId: provider.id,
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
