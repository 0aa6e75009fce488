import { z } from "zod";

const priceString = z.string().regex(/^\d{1,8}(\.\d{1,4})?$/, "decimal string, ≤ 4 decimals");
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");

export const createProductSchema = z.strictObject({
  name: z.string().min(1).max(200),
  kind: z.enum(["card_subscription", "cp_hosting", "addon"]),
  frequency: z.enum(["one_off", "monthly"]),
  price: priceString,
  vatRate: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/),
});

export const productSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    frequency: z.string(),
    price: z.string(),
    vatRate: z.string(),
    status: z.string(),
  })
  .meta({ id: "Product" });

export const createSubscriptionSchema = z.strictObject({
  productId: z.uuid(),
  payerCustomerId: z.uuid(),
  subjectType: z.enum(["charge_card", "charge_point"]).optional(),
  subjectId: z.string().max(100).optional(),
  /** R30: starts on the 1st of this month. */
  startMonth: month,
  endMonth: month.optional(),
});

export const subscriptionSchema = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    payerCustomerId: z.uuid(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    startMonth: z.string(),
    endMonth: z.string().nullable(),
  })
  .meta({ id: "Subscription" });
