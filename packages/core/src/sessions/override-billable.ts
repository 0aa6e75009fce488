import { invoiceLines, transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { lockForBillingChange } from "../invoicing/invoice-run-lock";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { toTransactionView } from "./transaction-view";

/**
 * R37: operations or finance may override the billable flag of a completed session before it is
 * invoiced; audited (R8). Invalid sessions stay unbillable.
 */
export async function overrideBillable(
  deps: CoreDeps,
  principal: Principal,
  input: { transactionId: string; billable: boolean; reason: string },
) {
  assertCan(principal, "billable_override", "write");
  return deps.db.transaction(async (tx) => {
    // Waits for a running invoice run's chunk, which then sees this change (R55, R53).
    await lockForBillingChange(tx, principal.providerId);
    const [row] = await tx
      .select()
      .from(transactions)
      .where(and(eq(transactions.providerId, principal.providerId), eq(transactions.id, input.transactionId)))
      .for("update");
    if (!row) throw new AppError("not_found", "transaction not found");
    if (row.status !== "completed") {
      throw new AppError("business_rule", "only completed sessions can be billed", { rule: "R37" });
    }
    // R53: a live invoice line holds the session (the line is the hold; see docs/adr/0006).
    const [held] = await tx
      .select({ id: invoiceLines.id })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.transactionId, row.id), eq(invoiceLines.holdsItem, true)))
      .limit(1);
    if (held) {
      throw new AppError("already_issued", "the session is already on an invoice");
    }
    const [updated] = await tx
      .update(transactions)
      .set({
        billable: input.billable,
        notBillableReason: input.billable ? null : "manual",
        billableOverrideBy: principal.userId,
        updatedAt: deps.clock.now(),
      })
      .where(eq(transactions.id, row.id))
      .returning();
    await recordAudit(tx, principal, {
      action: "transaction.billable_override",
      entityType: "transaction",
      entityId: row.id,
      before: { billable: row.billable, notBillableReason: row.notBillableReason },
      after: { billable: input.billable, reason: input.reason },
      at: deps.clock.now(),
    });
    return toTransactionView(updated!);
  });
}
