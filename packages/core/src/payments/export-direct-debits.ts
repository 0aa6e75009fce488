import { customers, type Db, directDebitMandates, invoices, payments } from "@voltlane/db";
import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { loadBillingProvider } from "../invoicing/billing-parties";
import { sumMoney } from "../money/money";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { buildPain008 } from "../sepa/pain008";

/**
 * R12, R58: collects every open or overdue debit invoice of customers with an active mandate and an
 * IBAN in one pain.008 batch, for what is still unpaid (R59: netting may have settled a part); each
 * becomes a pending direct-debit payment and `collection_pending`.
 */
export async function exportDirectDebits(
  deps: CoreDeps,
  p: Principal,
  input: { collectionDate: string; creditorId?: string },
) {
  assertCan(p, "payments", "write");
  const provider = await loadBillingProvider(deps.db, p.providerId);
  if (!provider.snapshot.iban)
    throw new AppError("business_rule", "the provider has no IBAN", { rule: "R12" });
  const now = deps.clock.now();
  const batchRef = `DD-${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ invoice: invoices, customer: customers, mandate: directDebitMandates })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .innerJoin(
        directDebitMandates,
        and(eq(directDebitMandates.customerId, customers.id), eq(directDebitMandates.status, "active")),
      )
      .where(
        and(
          eq(invoices.providerId, p.providerId),
          eq(invoices.status, "issued"),
          eq(invoices.direction, "debit"),
          inArray(invoices.settlement, ["open", "overdue"]),
          gt(invoices.total, 0),
        ),
      )
      .for("update", { of: invoices });
    const due = dedupe(rows.filter((r) => r.customer.iban));
    const used = await usedMandates(
      tx,
      due.map((r) => r.mandate),
    );
    const paid = await paidSoFar(
      tx,
      due.map((r) => r.invoice.id),
    );
    const collections = [];
    for (const { invoice, customer, mandate } of due) {
      const amount = invoice.total - (paid.get(invoice.id) ?? 0);
      if (amount <= 0) continue;
      await tx.insert(payments).values({
        mandateId: mandate.id,
        providerId: p.providerId,
        customerId: customer.id,
        invoiceId: invoice.id,
        amount,
        method: "direct_debit",
        status: "pending",
        batchRef,
        createdBy: p.userId,
      });
      await tx
        .update(invoices)
        .set({ settlement: "collection_pending", updatedAt: now })
        .where(eq(invoices.id, invoice.id));
      collections.push({
        endToEndId: invoice.number!,
        amount,
        mandateReference: mandate.reference,
        mandateSignedAt: mandate.signedAt.toISOString().slice(0, 10),
        debtorName: customer.accountHolder ?? customer.name,
        debtorIban: customer.iban!,
        debtorBic: customer.bic,
        remittance: invoice.number!,
        scheme: mandate.scheme === "b2b" ? ("B2B" as const) : ("CORE" as const),
        sequenceType: used.has(mandate.id) ? ("RCUR" as const) : ("FRST" as const),
      });
    }
    const xml = buildPain008({
      messageId: batchRef,
      createdAt: now,
      collectionDate: input.collectionDate,
      currency: provider.currency,
      creditor: {
        name: provider.name,
        iban: provider.snapshot.iban!,
        bic: provider.snapshot.bic,
        creditorId: input.creditorId ?? provider.snapshot.cocNumber ?? "NOTPROVIDED",
      },
      collections,
    });
    const total = sumMoney(collections.map((c) => c.amount));
    await recordAudit(tx, p, {
      action: "payments.direct_debit_export",
      entityType: "payment_batch",
      entityId: batchRef,
      after: { count: collections.length, total },
    });
    return { batchRef, count: collections.length, total, xml };
  });
}

/**
 * Mandates that already carried a collection: FRST for the first one, RCUR afterwards. A collection
 * that failed before settlement never reached the debtor's bank, so the next one is FRST again; a
 * settled one that was later reversed still counts. All collections of a mandate in its first batch
 * are FRST. Direct debits from before payments named their mandate count for the customer's mandates.
 */
async function usedMandates(tx: Db, mandates: (typeof directDebitMandates.$inferSelect)[]) {
  if (mandates.length === 0) return new Set<string>();
  const rows = await tx
    .selectDistinct({ id: directDebitMandates.id })
    .from(directDebitMandates)
    .innerJoin(
      payments,
      and(
        eq(payments.method, "direct_debit"),
        inArray(payments.status, ["pending", "succeeded", "reversed"]),
        or(
          eq(payments.mandateId, directDebitMandates.id),
          and(isNull(payments.mandateId), eq(payments.customerId, directDebitMandates.customerId)),
        ),
      ),
    )
    .where(inArray(directDebitMandates.id, [...new Set(mandates.map((m) => m.id))]));
  return new Set(rows.map((r) => r.id));
}

async function paidSoFar(tx: Db, invoiceIds: string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await tx
    .select({ invoiceId: payments.invoiceId, paid: sql<string>`sum(${payments.amount})` })
    .from(payments)
    .where(and(inArray(payments.invoiceId, invoiceIds), eq(payments.status, "succeeded")))
    .groupBy(payments.invoiceId);
  return new Map(rows.map((r) => [r.invoiceId, Number(r.paid)]));
}

/** A customer with two active mandates is collected once per invoice. */
function dedupe<T extends { invoice: { id: string } }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.invoice.id)) return false;
    seen.add(r.invoice.id);
    return true;
  });
}
