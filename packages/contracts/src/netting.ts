import { z } from "zod";

/** R59: settle an open debit invoice against an unpaid credit invoice of the same customer. */
export const nettingSchema = z.strictObject({
  debitInvoiceId: z.uuid(),
  creditInvoiceId: z.uuid(),
  /** Money in minor units; defaults to the smaller of the two open amounts. */
  amount: z.number().int().positive().optional(),
});
export type NettingInput = z.infer<typeof nettingSchema>;

export const nettingResultSchema = z
  .object({
    reference: z.string(),
    amount: z.number().int(),
    paymentId: z.uuid(),
    payoutId: z.uuid(),
    debitSettlement: z.string(),
    creditSettlement: z.string(),
  })
  .meta({ id: "NettingResult" });

/** Open debit and unpaid credit invoices that can be netted, per customer. */
export const nettingCandidateSchema = z.object({
  customerId: z.uuid(),
  customerName: z.string(),
  currency: z.string(),
  debits: z.array(
    z.object({ id: z.uuid(), number: z.string(), open: z.number().int(), settlement: z.string() }),
  ),
  credits: z.array(
    z.object({ id: z.uuid(), number: z.string(), open: z.number().int(), settlement: z.string() }),
  ),
});
