import { customers, type Db, invoices, payments, payouts } from "@voltlane/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor, Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { assertMoney } from "../money/money";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { settlementAfterPayments } from "./settlement";

export type PaymentInput = {
  amount: number;
  method: "direct_debit" | "bank_transfer" | "card" | "wallet" | "netting" | "manual";
  receivedAt: string | Date;
  externalRef?: string | null;
};

/** Finance records money received for a debit invoice, or paid out on a credit one (R58). */
export async function recordPayment(deps: CoreDeps, p: Principal, invoiceId: string, input: PaymentInput) {
  assertCan(p, "payments", "write");
  assertMoney(input.amount, "amount");
  if (input.amount <= 0)
    throw new AppError("validation_failed", "amount must be positive", { field: "amount" });
  return deps.db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.providerId, p.providerId)))
      .for("update");
    if (!invoice) throw new AppError("not_found", "invoice not found");
    return applyPayment(tx, p, invoice, { ...input, status: "succeeded" }, deps.clock.now());
  });
}

/** Inserts the payment and moves the settlement; shared by manual entry and bank statement import. */
export async function applyPayment(
  tx: Db,
  actor: Actor,
  invoice: typeof invoices.$inferSelect,
  input: PaymentInput & { status: "succeeded" | "pending"; batchRef?: string | null },
  now: Date,
) {
  if (invoice.status !== "issued" || invoice.kind === "credit-note") {
    throw new AppError("business_rule", "payments apply to issued invoices only", { rule: "R58" });
  }
  const [payment] = await tx
    .insert(payments)
    .values({
      providerId: invoice.providerId,
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      amount: input.amount,
      method: input.method,
      status: input.status,
      externalRef: input.externalRef ?? null,
      batchRef: input.batchRef ?? null,
      receivedAt: new Date(input.receivedAt),
      createdBy: actor.kind === "job" ? actor.name : "userId" in actor ? actor.userId : null,
    })
    .returning();
  const settlement = await refreshSettlement(tx, invoice, now);
  await recordAudit(tx, actor, {
    action: "payment.record",
    entityType: "invoice",
    entityId: invoice.id,
    before: { settlement: invoice.settlement },
    after: { settlement, paymentId: payment!.id, amount: input.amount, method: input.method },
  });
  return { ...payment!, settlement };
}

/** What settled an invoice so far: succeeded payments, and on credits the netting payouts (R59). */
export async function settledSoFar(tx: Db, invoiceId: string): Promise<{ paid: number; netted: number }> {
  const [received] = await tx
    .select({
      paid: sql<string>`coalesce(sum(${payments.amount}), 0)`,
      netted: sql<string>`coalesce(sum(${payments.amount}) filter (where ${payments.method} = 'netting'), 0)`,
    })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "succeeded")));
  const [nettedOut] = await tx
    .select({ netted: sql<string>`coalesce(sum(${payouts.amount}), 0)` })
    .from(payouts)
    .where(and(eq(payouts.invoiceId, invoiceId), eq(payouts.method, "netting"), eq(payouts.status, "paid")));
  const netted = Number(received!.netted) + Number(nettedOut!.netted);
  return { paid: Number(received!.paid) + Number(nettedOut!.netted), netted };
}

export async function refreshSettlement(tx: Db, invoice: typeof invoices.$inferSelect, now: Date) {
  const { paid, netted } = await settledSoFar(tx, invoice.id);
  const [customer] = await tx
    .select({ iban: customers.iban })
    .from(customers)
    .where(eq(customers.id, invoice.customerId));
  const settlement = settlementAfterPayments({
    direction: invoice.direction,
    total: invoice.total,
    paid,
    netted,
    current: invoice.settlement,
    hasIban: Boolean(customer?.iban),
  });
  await tx.update(invoices).set({ settlement, updatedAt: now }).where(eq(invoices.id, invoice.id));
  if (invoice.direction === "credit" && (settlement === "paid_out" || settlement === "netted")) {
    // The bank payout of what netting left over is confirmed; a fully netted one was cancelled.
    await tx
      .update(payouts)
      .set({ status: "paid", paidAt: now, updatedAt: now })
      .where(
        and(
          eq(payouts.invoiceId, invoice.id),
          eq(payouts.method, "bank_transfer"),
          sql`${payouts.status} <> 'cancelled'`,
        ),
      );
  }
  return settlement;
}
