import { randomUUID } from "node:crypto";
import type { NettingInput } from "@voltlane/contracts";
import { customers, type Db, invoices, payments, payouts } from "@voltlane/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { refreshSettlement, settledSoFar } from "./record-payment";

type Invoice = typeof invoices.$inferSelect;

const openDebit = ["open", "overdue", "partially_paid"];
const unpaidCredit = ["on_hold", "payout_pending"];

/**
 * R59 (our design): finance settles an open debit invoice against an unpaid credit invoice
 * (self-bill or reimbursement) of the same customer. The amount, at most what is open on either
 * side (by default all of the smaller one), becomes a succeeded `netting` payment on the debit and
 * a paid `netting` payout on the credit; the credit's bank payout shrinks by it (cancelled at zero).
 * A payout already in a bank batch cannot be netted. Settlements follow R58 (`netted` once settled
 * in full with a netting); exact integer Money throughout.
 */
export async function netInvoices(deps: CoreDeps, p: Principal, input: NettingInput) {
  assertCan(p, "payments", "write");
  if (input.debitInvoiceId === input.creditInvoiceId) {
    throw new AppError("validation_failed", "choose a debit and a credit invoice", {
      field: "creditInvoiceId",
    });
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { debit, credit } = await lockPair(tx, p.providerId, input);
    const debitOpen = debit.total - (await settledSoFar(tx, debit.id)).paid;
    const creditOpen = Math.abs(credit.total) - (await settledSoFar(tx, credit.id)).paid;
    const [bankPayout] = await tx
      .select()
      .from(payouts)
      .where(and(eq(payouts.invoiceId, credit.id), eq(payouts.method, "bank_transfer")))
      .for("update");
    if (bankPayout && !["on_hold", "pending"].includes(bankPayout.status)) {
      throw new AppError("conflict", `the payout is already ${bankPayout.status}`, { rule: "R59" });
    }
    const amount = input.amount ?? Math.min(debitOpen, creditOpen);
    if (amount <= 0 || amount > debitOpen || amount > creditOpen) {
      throw new AppError("business_rule", "the amount exceeds what is open on one of the invoices", {
        rule: "R59",
        debitOpen,
        creditOpen,
      });
    }
    // Unique per netting (camt-style external references are unique per method).
    const reference = `NET-${now.toISOString().slice(0, 10).replaceAll("-", "")}-${randomUUID().slice(0, 8).toUpperCase()}`;
    const createdBy = p.userId;
    const [payment] = await tx
      .insert(payments)
      .values({
        providerId: p.providerId,
        customerId: debit.customerId,
        invoiceId: debit.id,
        amount,
        method: "netting",
        status: "succeeded",
        externalRef: reference,
        receivedAt: now,
        createdBy,
      })
      .returning();
    const [payout] = await tx
      .insert(payouts)
      .values({
        providerId: p.providerId,
        customerId: credit.customerId,
        invoiceId: credit.id,
        amount,
        method: "netting",
        status: "paid",
        dueDate: credit.dueDate ?? now.toISOString().slice(0, 10),
        paidAt: now,
        batchRef: reference,
      })
      .returning();
    if (bankPayout) {
      const left = bankPayout.amount - amount;
      await tx
        .update(payouts)
        .set({
          amount: Math.max(0, left),
          status: left <= 0 ? "cancelled" : bankPayout.status,
          updatedAt: now,
        })
        .where(eq(payouts.id, bankPayout.id));
    }
    const debitSettlement = await refreshSettlement(tx, debit, now);
    const creditSettlement = await refreshSettlement(tx, credit, now);
    await recordAudit(tx, p, {
      action: "payment.netting",
      entityType: "invoice",
      entityId: debit.id,
      before: { debit: debit.settlement, credit: credit.settlement, debitOpen, creditOpen },
      after: {
        reference,
        amount,
        creditInvoiceId: credit.id,
        paymentId: payment!.id,
        payoutId: payout!.id,
        debit: debitSettlement,
        credit: creditSettlement,
      },
      at: now,
    });
    return {
      reference,
      amount,
      paymentId: payment!.id,
      payoutId: payout!.id,
      debitSettlement,
      creditSettlement,
    };
  });
}

/** Both invoices of the provider (R4), locked in id order so that two nettings never deadlock. */
async function lockPair(tx: Db, providerId: string, input: NettingInput) {
  const rows = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.providerId, providerId),
        inArray(invoices.id, [input.debitInvoiceId, input.creditInvoiceId]),
      ),
    )
    .orderBy(invoices.id)
    .for("update");
  const debit = rows.find((r) => r.id === input.debitInvoiceId);
  const credit = rows.find((r) => r.id === input.creditInvoiceId);
  if (!debit || !credit) throw notFound("invoice");
  assertNettable(debit, credit);
  return { debit, credit };
}

function assertNettable(debit: Invoice, credit: Invoice) {
  if (debit.status !== "issued" || debit.direction !== "debit" || debit.kind === "credit-note") {
    throw businessRule("R59", "the first invoice must be an issued debit invoice");
  }
  if (credit.status !== "issued" || credit.direction !== "credit" || credit.kind === "credit-note") {
    throw businessRule("R59", "the second invoice must be an issued self-bill or reimbursement");
  }
  if (!openDebit.includes(debit.settlement))
    throw businessRule("R59", `the debit invoice is ${debit.settlement}`);
  if (!unpaidCredit.includes(credit.settlement))
    throw businessRule("R59", `the credit invoice is ${credit.settlement}`);
  if (debit.customerId !== credit.customerId)
    throw businessRule("R59", "the invoices belong to different customers");
  if (debit.currency !== credit.currency)
    throw businessRule("R59", "the invoices are in different currencies");
}

/** Back office "Payments (… netting)": customers with both an open debit and an unpaid credit. */
export async function listNettingCandidates(deps: CoreDeps, p: Principal) {
  assertCan(p, "payments", "read");
  const rows = await deps.db
    .select({ invoice: invoices, customerName: customers.name })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        eq(invoices.providerId, p.providerId),
        eq(invoices.status, "issued"),
        sql`${invoices.kind} <> 'credit-note'`,
        inArray(invoices.settlement, [...openDebit, ...unpaidCredit]),
        sql`exists (select 1 from invoices d where d.customer_id = ${invoices.customerId} and d.provider_id = ${invoices.providerId} and d.status = 'issued' and d.direction = 'debit' and d.settlement in ('open','overdue','partially_paid'))`,
        sql`exists (select 1 from invoices c where c.customer_id = ${invoices.customerId} and c.provider_id = ${invoices.providerId} and c.status = 'issued' and c.direction = 'credit' and c.kind <> 'credit-note' and c.settlement in ('on_hold','payout_pending'))`,
      ),
    )
    .orderBy(customers.name, invoices.number)
    .limit(500);
  const byCustomer = new Map<string, NettingCandidate>();
  for (const { invoice, customerName } of rows) {
    const entry = byCustomer.get(invoice.customerId) ?? {
      customerId: invoice.customerId,
      customerName,
      currency: invoice.currency,
      debits: [],
      credits: [],
    };
    const open = Math.abs(invoice.total) - (await settledSoFar(deps.db, invoice.id)).paid;
    const item = { id: invoice.id, number: invoice.number ?? "", open, settlement: invoice.settlement };
    (invoice.direction === "debit" ? entry.debits : entry.credits).push(item);
    byCustomer.set(invoice.customerId, entry);
  }
  return [...byCustomer.values()];
}

type NettingItem = { id: string; number: string; open: number; settlement: string };
type NettingCandidate = {
  customerId: string;
  customerName: string;
  currency: string;
  debits: NettingItem[];
  credits: NettingItem[];
};
