import type { invoiceRunSchema, invoiceSchema, paymentSchema, payoutSchema } from "@voltlane/contracts";
import type { z } from "zod";

export type Invoice = z.infer<typeof invoiceSchema>;
export type InvoiceRun = z.infer<typeof invoiceRunSchema>;
export type Payment = z.infer<typeof paymentSchema>;
export type Payout = z.infer<typeof payoutSchema>;
