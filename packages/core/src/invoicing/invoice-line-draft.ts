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

/** Groups lines per (customer, invoice kind) (W3 step 3), keeping their order. */
export function groupLineDrafts(lines: readonly LineDraft[]): Map<string, LineDraft[]> {
  const groups = new Map<string, LineDraft[]>();
  const sorted = [...lines].sort((a, b) => a.sortKey.localeCompare(b.sortKey));
  for (const line of sorted) {
    const key = `${line.customerId}|${line.invoiceKind}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return groups;
}
