import { type Db, invoices, payments } from "@voltlane/db";
import { and, eq, inArray } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { parseCamt053, type StatementEntry } from "../sepa/camt053";
import { applyPayment, refreshSettlement } from "./record-payment";
import { reverseDirectDebit } from "./reverse-direct-debit";

const numberPattern = /\b0[38]-[A-Z0-9]+-\d{6}\b/g;

/**
 * camt.053 import: each booked entry is matched to an issued invoice by reference (its number in
 * the remittance text) and amount. Credits confirm a pending direct debit or record a transfer;
 * debits settle payouts or return a direct debit (R58). Entries seen before (same bank reference) are skipped, so re-imports are safe.
 */
export async function importBankStatement(deps: CoreDeps, p: Principal, xml: string) {
  assertCan(p, "payments", "write");
  const entries = parseCamt053(xml);
  const unmatched: { reference: string | null; amount: number; text: string }[] = [];
  let matched = 0;
  await deps.db.transaction(async (tx) => {
    for (const entry of entries) {
      if (await matchEntry(tx, deps.clock.now(), p, entry)) matched++;
      else unmatched.push({ reference: entry.reference, amount: entry.amount, text: entry.text });
    }
  });
  return { matched, unmatched };
}

async function matchEntry(tx: Db, now: Date, p: Principal, entry: StatementEntry): Promise<boolean> {
  const numbers = [...new Set(entry.text.match(numberPattern) ?? [])];
  if (numbers.length !== 1) return false;
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.providerId, p.providerId),
        eq(invoices.number, numbers[0]!),
        eq(invoices.status, "issued"),
      ),
    )
    .for("update");
  if (!invoice || entry.currency !== invoice.currency) return false;
  if (entry.reference) {
    const [seen] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.providerId, p.providerId), eq(payments.externalRef, entry.reference)));
    if (seen) return true;
  }
  if (entry.direction === "debit" && invoice.direction === "debit") {
    return reverseDirectDebit(tx, p, invoice, entry.amount, now);
  }
  const expectsCredit = invoice.direction === "debit";
  if ((entry.direction === "credit") !== expectsCredit || entry.amount > Math.abs(invoice.total))
    return false;
  const pending = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.invoiceId, invoice.id),
        eq(payments.status, "pending"),
        eq(payments.amount, entry.amount),
      ),
    );
  if (pending.length > 0) {
    // The bank confirms a direct debit we sent (R58: collection_pending → paid).
    await tx
      .update(payments)
      .set({ status: "succeeded", receivedAt: now, externalRef: entry.reference })
      .where(inArray(payments.id, [pending[0]!.id]));
    await refreshSettlement(tx, { ...invoice, settlement: "open" }, now);
    return true;
  }
  await applyPayment(
    tx,
    p,
    invoice,
    {
      amount: entry.amount,
      method: "bank_transfer",
      status: "succeeded",
      receivedAt: entry.bookingDate ? new Date(`${entry.bookingDate}T12:00:00Z`) : now,
      externalRef: entry.reference,
    },
    now,
  );
  return true;
}
