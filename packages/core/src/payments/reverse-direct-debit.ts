import { type Db, type invoices, payments } from "@voltlane/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/principal";
import { fromMinorUnits } from "../money/money";
import { registerTemplate } from "../notifications/templates";
import { notifyInvoiceParties } from "./notify-invoice-parties";
import { refreshSettlement } from "./record-payment";

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
registerTemplate("direct_debit_failed", {
  en: (p) => ({
    subject: `Direct debit for ${s(p.number)} failed`,
    body: `The direct debit of ${s(p.amount)} for invoice ${s(p.number)} was returned by the bank. Please transfer the amount, quoting ${s(p.number)}.`,
  }),
  nl: (p) => ({
    subject: `Incasso voor ${s(p.number)} mislukt`,
    body: `De incasso van ${s(p.amount)} voor factuur ${s(p.number)} is door de bank gestorneerd. Maak het bedrag over onder vermelding van ${s(p.number)}.`,
  }),
});

/**
 * R58: a returned or reversed direct debit (a debit entry on the statement) marks the collection
 * failed/reversed, puts the invoice back to open (overdue once past due) and tells the customer and
 * finance.
 */
export async function reverseDirectDebit(
  tx: Db,
  actor: Actor,
  invoice: typeof invoices.$inferSelect,
  amount: number,
  now: Date,
): Promise<boolean> {
  const [collection] = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.invoiceId, invoice.id),
        eq(payments.method, "direct_debit"),
        eq(payments.amount, amount),
        inArray(payments.status, ["pending", "succeeded"]),
      ),
    )
    .limit(1);
  if (!collection) return false;
  const status = collection.status === "pending" ? "failed" : "reversed";
  await tx.update(payments).set({ status }).where(eq(payments.id, collection.id));
  const settlement = await refreshSettlement(tx, { ...invoice, settlement: "open" }, now);
  await notifyFailure(tx, invoice, amount);
  await recordAudit(tx, actor, {
    action: `payment.${status}`,
    entityType: "invoice",
    entityId: invoice.id,
    before: { settlement: invoice.settlement, payment: collection.status },
    after: { settlement, payment: status },
  });
  return true;
}

async function notifyFailure(tx: Db, invoice: typeof invoices.$inferSelect, amount: number) {
  await notifyInvoiceParties(tx, invoice, "direct_debit_failed", {
    number: invoice.number,
    amount: `${invoice.currency} ${fromMinorUnits(amount, invoice.currency)}`,
  });
}
