import { z } from "zod";
import { pageQuerySchema, sortQuery } from "./pagination";

export const invoiceKindSchema = z.enum(["cost", "self-bill", "reimbursement", "credit-note"]);
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");

export const invoiceLineSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    kind: z.string(),
    description: z.string(),
    transactionId: z.uuid().nullable(),
    subscriptionId: z.uuid().nullable(),
    quantity: z.string(),
    unitPrice: z.string().nullable(),
    /** Money: integer minor units. */
    net: z.number().int(),
    vatScope: z.enum(["standard", "reverse_charge", "outside_scope"]),
    vatRate: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "InvoiceLine" });

export const vatBreakdownRowSchema = z.object({
  scope: z.string(),
  rate: z.string(),
  net: z.number().int(),
  vat: z.number().int(),
});

export const invoiceSchema = z
  .object({
    id: z.uuid(),
    number: z.string().nullable(),
    kind: invoiceKindSchema,
    series: z.string(),
    customerId: z.uuid(),
    period: z.string(),
    runId: z.uuid().nullable(),
    status: z.enum(["draft", "issued", "credited"]),
    direction: z.enum(["debit", "credit"]),
    settlement: z.string(),
    currency: z.string(),
    issueDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    /** Money: integer minor units; negated on credit notes. */
    netTotal: z.number().int(),
    vatTotal: z.number().int(),
    total: z.number().int(),
    vatBreakdown: z.array(vatBreakdownRowSchema),
    reverseCharge: z.boolean(),
    creditsInvoiceId: z.uuid().nullable(),
    customer: z.record(z.string(), z.unknown()).nullable(),
    pdfSha256: z.string().nullable(),
    lines: z.array(invoiceLineSchema),
  })
  .meta({ id: "Invoice" });

export const invoiceSortFields = [
  "number",
  "period",
  "kind",
  "status",
  "issueDate",
  "dueDate",
  "total",
  "createdAt",
] as const;

export const listInvoicesQuerySchema = pageQuerySchema.extend({
  ...sortQuery(invoiceSortFields),
  customerId: z.uuid().optional(),
  kind: invoiceKindSchema.optional(),
  status: z.string().optional(),
  period: periodSchema.optional(),
});
export type ListInvoicesQuery = z.infer<typeof listInvoicesQuerySchema>;
