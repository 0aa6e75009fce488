import type { Money } from "../money/money";
import type { InvoiceKind } from "./route-session";
import type { VatScope } from "./vat";

/** One line before it lands on a draft invoice: whose invoice, and what it says. */
export type LineDraft = {
  customerId: string;
  invoiceKind: InvoiceKind;
  kind: string;
  description: string;
  transactionId?: string;
  /** Which side of the session the line holds (Transaction.payerLineId / receiverLineId, R53). */
  party?: "payer" | "receiver";
  subscriptionId?: string;
  servicePeriod?: string;
  quantity: string;
  unitPrice: string | null;
  net: Money;
  vatScope: VatScope;
  vatRate: string;
  details: Record<string, unknown>;
  /** Lines print in this order (session stop time, then subscriptions). */
  sortKey: string;
};

/**
 * Groups lines per (customer, invoice kind) (W3 step 3), keeping their order. Linear after the
 * sort (a self-bill of a busy charge point owner has thousands of lines); keys compare by code
 * unit, which orders ISO timestamps chronologically.
 */
export function groupLineDrafts(lines: readonly LineDraft[]): Map<string, LineDraft[]> {
  const groups = new Map<string, LineDraft[]>();
  const sorted = [...lines].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  for (const line of sorted) {
    const key = `${line.customerId}|${line.invoiceKind}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return groups;
}
