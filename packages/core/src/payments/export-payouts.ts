import { customers, invoices, payouts } from "@voltlane/db";
import { and, eq, lte } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { loadBillingProvider } from "../invoicing/billing-parties";
import { sumMoney } from "../money/money";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { buildPain001 } from "../sepa/pain001";

/**
 * R57, R58: pending self-bill and reimbursement payouts due by the execution date, in one pain.001
 * batch; they become `scheduled` (on-hold payouts without an IBAN stay out, R12).
 */
export async function exportPayouts(deps: CoreDeps, p: Principal, input: { executionDate: string }) {
  assertCan(p, "payments", "write");
  const provider = await loadBillingProvider(deps.db, p.providerId);
  if (!provider.snapshot.iban)
    throw new AppError("business_rule", "the provider has no IBAN", { rule: "R57" });
  const now = deps.clock.now();
  const batchRef = `PO-${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ payout: payouts, invoice: invoices, customer: customers })
      .from(payouts)
      .innerJoin(invoices, eq(invoices.id, payouts.invoiceId))
      .innerJoin(customers, eq(customers.id, payouts.customerId))
      .where(
        and(
          eq(payouts.providerId, p.providerId),
          eq(payouts.status, "pending"),
          lte(payouts.dueDate, input.executionDate),
        ),
      )
      .for("update", { of: payouts });
    const transfers = rows
      .filter((r) => r.payout.ibanSnapshot && r.payout.amount > 0)
      .map(({ payout, invoice, customer }) => ({
        payoutId: payout.id,
        endToEndId: invoice.number!,
        amount: payout.amount,
        creditorName: customer.accountHolder ?? customer.name,
        creditorIban: payout.ibanSnapshot!,
        creditorBic: customer.bic,
        remittance: invoice.number!,
      }));
    for (const t of transfers) {
      await tx
        .update(payouts)
        .set({ status: "scheduled", batchRef, updatedAt: now })
        .where(eq(payouts.id, t.payoutId));
    }
    const xml = buildPain001({
      messageId: batchRef,
      createdAt: now,
      executionDate: input.executionDate,
      currency: provider.currency,
      debtor: { name: provider.name, iban: provider.snapshot.iban!, bic: provider.snapshot.bic },
      transfers,
    });
    const total = sumMoney(transfers.map((t) => t.amount));
    await recordAudit(tx, p, {
      action: "payments.payout_export",
      entityType: "payment_batch",
      entityId: batchRef,
      after: { count: transfers.length, total },
    });
    return { batchRef, count: transfers.length, total, xml };
  });
}
