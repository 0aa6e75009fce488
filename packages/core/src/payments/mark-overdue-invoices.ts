import { type Db, invoices, providers } from "@voltlane/db";
import { and, eq, inArray, lt } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { JobPrincipal } from "../auth/principal";
import { localDate } from "../invoicing/period";
import { fromMinorUnits } from "../money/money";
import { registerTemplate } from "../notifications/templates";
import type { CoreDeps } from "../platform/deps";
import { notifyInvoiceParties } from "./notify-invoice-parties";

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
registerTemplate("invoice_overdue", {
  en: (p) => ({
    subject: `Invoice ${s(p.number)} is overdue`,
    body: `Invoice ${s(p.number)} of ${s(p.amount)} was due on ${s(p.dueDate)} and has not been paid in full. Please transfer the amount, quoting ${s(p.number)}.`,
  }),
  nl: (p) => ({
    subject: `Factuur ${s(p.number)} is vervallen`,
    body: `Factuur ${s(p.number)} van ${s(p.amount)} moest op ${s(p.dueDate)} betaald zijn en is nog niet volledig voldaan. Maak het bedrag over onder vermelding van ${s(p.number)}.`,
  }),
});

/**
 * R58: open or partially paid debit invoices past their due date (the provider's local date) become
 * `overdue`; the customer and finance are told once, in the same transaction. A collection in flight
 * (`collection_pending`) waits for the bank. Running it again finds nothing new (idempotent).
 */
export async function markOverdueInvoices(deps: CoreDeps): Promise<{ overdue: number }> {
  const all = await deps.db.select({ id: providers.id, timeZone: providers.timeZone }).from(providers);
  let overdue = 0;
  for (const provider of all) {
    const today = localDate(deps.clock.now(), provider.timeZone);
    overdue += await deps.db.transaction((tx) => markProvider(tx, deps, provider.id, today));
  }
  return { overdue };
}

async function markProvider(tx: Db, deps: CoreDeps, providerId: string, today: string): Promise<number> {
  const due = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.providerId, providerId),
        eq(invoices.status, "issued"),
        eq(invoices.direction, "debit"),
        inArray(invoices.settlement, ["open", "partially_paid"]),
        lt(invoices.dueDate, today),
      ),
    )
    .for("update", { skipLocked: true });
  const actor: JobPrincipal = { kind: "job", providerId, name: "invoice-overdue" };
  for (const invoice of due) {
    await tx
      .update(invoices)
      .set({ settlement: "overdue", updatedAt: deps.clock.now() })
      .where(eq(invoices.id, invoice.id));
    await notifyInvoiceParties(tx, invoice, "invoice_overdue", {
      number: invoice.number,
      amount: `${invoice.currency} ${fromMinorUnits(invoice.total, invoice.currency)}`,
      dueDate: invoice.dueDate,
    });
    await recordAudit(tx, actor, {
      action: "invoice.overdue",
      entityType: "invoice",
      entityId: invoice.id,
      before: { settlement: invoice.settlement },
      after: { settlement: "overdue", dueDate: invoice.dueDate, today },
    });
  }
  return due.length;
}
