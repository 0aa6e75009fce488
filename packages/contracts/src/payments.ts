import { z } from "zod";
import { pageQuerySchema, sortQuery } from "./pagination";

export const paymentMethodSchema = z.enum([
  "direct_debit",
  "bank_transfer",
  "card",
  "wallet",
  "netting",
  "manual",
]);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const recordPaymentSchema = z.strictObject({
  /** Money: integer minor units, > 0. */
  amount: z.number().int().positive(),
  method: paymentMethodSchema,
  receivedAt: z.iso.datetime({ offset: true }),
  externalRef: z.string().max(140).optional(),
});

export const paymentSchema = z
  .object({
    id: z.uuid(),
    invoiceId: z.uuid(),
    customerId: z.uuid(),
    amount: z.number().int(),
    method: z.string(),
    status: z.string(),
    externalRef: z.string().nullable(),
    batchRef: z.string().nullable(),
    receivedAt: z.string().nullable(),
    createdAt: z.string(),
    /** ISO 4217; `amount` is in its minor units (the provider's one currency). */
    currency: z.string(),
  })
  .meta({ id: "Payment" });

export const payoutSchema = z
  .object({
    id: z.uuid(),
    invoiceId: z.uuid(),
    customerId: z.uuid(),
    amount: z.number().int(),
    status: z.string(),
    ibanSnapshot: z.string().nullable(),
    dueDate: z.string(),
    paidAt: z.string().nullable(),
    batchRef: z.string().nullable(),
    /** ISO 4217; `amount` is in its minor units (the provider's one currency). */
    currency: z.string(),
  })
  .meta({ id: "Payout" });

export const paymentSortFields = ["createdAt", "receivedAt", "amount", "method", "status"] as const;
export const payoutSortFields = ["createdAt", "dueDate", "amount", "status"] as const;

export const listPaymentsQuerySchema = pageQuerySchema.extend({
  ...sortQuery(paymentSortFields),
  invoiceId: z.uuid().optional(),
  customerId: z.uuid().optional(),
});

export const listPayoutsQuerySchema = pageQuerySchema.extend({
  ...sortQuery(payoutSortFields),
  status: z.string().optional(),
  customerId: z.uuid().optional(),
});

export const directDebitExportSchema = z.strictObject({ collectionDate: dateSchema });
export const payoutExportSchema = z.strictObject({ executionDate: dateSchema });
export const sepaExportSchema = z.object({
  batchRef: z.string(),
  count: z.number().int(),
  total: z.number().int(),
  xml: z.string(),
});
export const bankStatementImportSchema = z.strictObject({ xml: z.string().min(1).max(10_000_000) });
export const bankStatementResultSchema = z.object({
  matched: z.number().int(),
  unmatched: z.array(
    z.object({ reference: z.string().nullable(), amount: z.number().int(), text: z.string() }),
  ),
});
