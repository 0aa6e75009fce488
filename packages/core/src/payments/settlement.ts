import type { invoices } from "@voltlane/db";
import type { Money } from "../money/money";

/**
 * R58 settlement after a payment: debit open → partially_paid → paid; credit (payout) → paid_out.
 * A collection in flight stays `collection_pending` until the bank confirms it; an overdue debit
 * stays `overdue` until paid in full. R59: settled in full with a netting among the money → `netted`.
 */
export function settlementAfterPayments(input: {
  direction: string;
  total: Money;
  /** Everything settled so far, nettings included. */
  paid: Money;
  /** The part of `paid` settled by netting (R59). */
  netted?: Money;
  current: string;
  hasIban: boolean;
}): string {
  if (input.current === "credited" || input.current === "netted") return input.current;
  const due = Math.abs(input.total);
  if (input.paid >= due && (input.netted ?? 0) > 0) return "netted";
  if (input.direction === "credit") {
    if (input.paid >= due) return "paid_out";
    return input.hasIban ? "payout_pending" : "on_hold";
  }
  if (input.paid >= due) return "paid";
  if (input.current === "overdue" || input.current === "collection_pending") return input.current;
  return input.paid > 0 ? "partially_paid" : "open";
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
