import { type Db, invoiceLines, invoices, payouts } from "@voltlane/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { D } from "../money/decimal";
import { assertCan } from "../policy/can";
import type { BillingDeps } from "./billing-deps";
import { loadBillingCustomers, loadBillingProvider } from "./billing-parties";
import { lockProviderInvoicing } from "./invoice-run-lock";
import { issueInvoice } from "./issue-invoice";
import { produceInvoiceDocument } from "./produce-invoice-documents";
import "./invoice-templates";

type Invoice = typeof invoices.$inferSelect;
type Line = typeof invoiceLines.$inferSelect;

/**
 * R51: a credit note negates every line of one issued invoice 1:1 (series 08), the original becomes
 * `credited` and its sessions and subscription months are released for the next invoice. Waits for
 * the provider's invoicing lock like a run (R55).
 */
export async function creditInvoice(
  deps: BillingDeps,
  principal: Principal,
  invoiceId: string,
): Promise<Invoice> {
  assertCan(principal, "invoice_runs", "write");
  const issued = await deps.db.transaction(async (tx) => {
    await lockProviderInvoicing(tx, principal.providerId);
    const [original] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.providerId, principal.providerId)))
      .for("update");
    if (!original) throw new AppError("not_found", "invoice not found");
    if (original.kind === "credit-note") {
      throw new AppError("business_rule", "a credit note cannot be credited", { rule: "R51" });
    }
    if (original.status === "credited") throw new AppError("conflict", "invoice is already credited");
    if (original.status !== "issued") {
      throw new AppError("business_rule", "only issued invoices are credited", { rule: "R51" });
    }
    const lines = await tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, original.id))
      .orderBy(asc(invoiceLines.position));
    const draft = await insertCreditNote(tx, original, lines);
    await releaseOriginal(tx, original, deps.clock.now());
    const provider = await loadBillingProvider(tx, principal.providerId);
    const customer = (await loadBillingCustomers(tx, provider.id, [original.customerId])).get(
      original.customerId,
    )!;
    // The addressee stays the one printed on the original.
    const snapshotCustomer = { ...customer, snapshot: original.customerSnapshot ?? customer.snapshot };
    const note = await issueInvoice(tx, deps, principal, { provider, customer: snapshotCustomer }, draft);
    await recordAudit(tx, principal, {
      action: "invoice.credit",
      entityType: "invoice",
      entityId: original.id,
      before: { status: original.status, settlement: original.settlement },
      after: { status: "credited", creditNoteId: note.id, creditNoteNumber: note.number },
    });
    return note;
  });
  // R56: the PDF (printing the credited number) and the e-mail, right after the issuing commit.
  return produceInvoiceDocument(deps, issued.id);
}

async function insertCreditNote(tx: Db, original: Invoice, lines: Line[]): Promise<Invoice> {
  const [draft] = await tx
    .insert(invoices)
    .values({
      providerId: original.providerId,
      customerId: original.customerId,
      kind: "credit-note",
      series: "08",
      period: original.period,
      status: "draft",
      direction: original.direction === "debit" ? "credit" : "debit",
      currency: original.currency,
      netTotal: -original.netTotal,
      vatTotal: -original.vatTotal,
      total: -original.total,
      // Negating the rows (not recomputing) makes the reversal exact.
      vatBreakdown: original.vatBreakdown.map((row) => ({ ...row, net: -row.net, vat: -row.vat })),
      reverseCharge: original.reverseCharge,
      creditsInvoiceId: original.id,
      settlement: "credited",
    })
    .returning();
  await tx.insert(invoiceLines).values(
    lines.map((line) => ({
      providerId: line.providerId,
      invoiceId: draft!.id,
      position: line.position,
      kind: line.kind,
      description: line.description,
      transactionId: line.transactionId,
      subscriptionId: line.subscriptionId,
      servicePeriod: line.servicePeriod,
      quantity: new D(line.quantity).neg().toFixed(4),
      unitPrice: line.unitPrice,
      net: -line.net,
      vatScope: line.vatScope,
      vatRate: line.vatRate,
      details: { ...line.details, creditsLineId: line.id },
      holdsItem: false,
    })),
  );
  return draft!;
}

async function releaseOriginal(tx: Db, original: Invoice, now: Date) {
  // Releasing the lines releases their sessions and subscription months (R53, R47).
  await tx.update(invoiceLines).set({ holdsItem: false }).where(eq(invoiceLines.invoiceId, original.id));
  await tx
    .update(invoices)
    .set({ status: "credited", settlement: "credited", updatedAt: now })
    .where(eq(invoices.id, original.id));
  await tx
    .update(payouts)
    .set({ status: "cancelled", updatedAt: now })
    .where(
      and(eq(payouts.invoiceId, original.id), inArray(payouts.status, ["on_hold", "pending", "scheduled"])),
    );
}
