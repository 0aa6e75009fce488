import type { invoiceLines, invoices } from "@voltlane/db";
import { effectiveSettlement } from "../payments/settlement";

type Invoice = typeof invoices.$inferSelect;
type Line = typeof invoiceLines.$inferSelect;

/** The API shape of an invoice (API.md `invoices`); Money stays integer minor units. */
export function presentInvoice(invoice: Invoice, lines: Line[], today: string) {
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind as "cost" | "self-bill" | "reimbursement" | "credit-note",
    series: invoice.series,
    customerId: invoice.customerId,
    period: invoice.period,
    runId: invoice.runId,
    status: invoice.status as "draft" | "issued" | "credited",
    direction: invoice.direction as "debit" | "credit",
    settlement: effectiveSettlement(invoice, today),
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    netTotal: invoice.netTotal,
    vatTotal: invoice.vatTotal,
    total: invoice.total,
    vatBreakdown: invoice.vatBreakdown,
    reverseCharge: invoice.reverseCharge,
    creditsInvoiceId: invoice.creditsInvoiceId,
    customer: (invoice.customerSnapshot as Record<string, unknown> | null) ?? null,
    pdfSha256: invoice.pdfSha256,
    lines: lines
      .filter((line) => line.invoiceId === invoice.id)
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        id: line.id,
        position: line.position,
        kind: line.kind,
        description: line.description,
        transactionId: line.transactionId,
        subscriptionId: line.subscriptionId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        net: line.net,
        vatScope: line.vatScope as "standard" | "reverse_charge" | "outside_scope",
        vatRate: line.vatRate,
        details: line.details,
      })),
  };
}
export type InvoiceView = ReturnType<typeof presentInvoice>;
