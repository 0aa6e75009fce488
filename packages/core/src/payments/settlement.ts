import type { invoices } from "@voltlane/db";
import type { Money } from "../money/money";

/**
 * R58 settlement after a payment: debit open → partially_paid → paid; credit (payout) → paid_out.
 * A collection in flight stays `collection_pending` until the bank confirms it.
 */
export function settlementAfterPayments(input: {
  direction: string;
  total: Money;
  paid: Money;
  current: string;
  hasIban: boolean;
}): string {
  if (input.current === "credited" || input.current === "netted") return input.current;
  const due = Math.abs(input.total);
  if (input.direction === "credit") {
    if (input.paid >= due) return "paid_out";
    return input.hasIban ? "payout_pending" : "on_hold";
  }
  if (input.paid >= due) return "paid";
  if (input.paid > 0) return "partially_paid";
  return input.current === "collection_pending" ? "collection_pending" : "open";
}

/** R58: an unpaid debit past its due date reads as `overdue` (dates are provider-local YYYY-MM-DD). */
export function effectiveSettlement(
  invoice: Pick<typeof invoices.$inferSelect, "direction" | "settlement" | "dueDate">,
  today: string,
): string {
  const unpaid = invoice.settlement === "open" || invoice.settlement === "partially_paid";
  if (invoice.direction === "debit" && unpaid && invoice.dueDate && today > invoice.dueDate) return "overdue";
  return invoice.settlement;
}
