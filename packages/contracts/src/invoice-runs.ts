import { z } from "zod";
import { periodSchema } from "./invoices";

export const startInvoiceRunSchema = z.strictObject({ period: periodSchema });

export const invoiceRunInvoiceSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  kind: z.string(),
  customerId: z.uuid(),
  total: z.number().int(),
  status: z.string(),
});

export const invoiceRunSchema = z
  .object({
    id: z.uuid(),
    period: z.string(),
    status: z.enum(["running", "completed", "failed"]),
    trigger: z.string(),
    triggeredBy: z.string().nullable(),
    /** The invoices this run created; a rerun of a finished period creates none (R52). */
    invoices: z.array(invoiceRunInvoiceSchema),
    invoiceCount: z.number().int(),
    counts: z.record(z.string(), z.number()),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "InvoiceRun" });
