import { z } from "zod";

export const providerSettingsSchema = z.strictObject({
  invoiceRunDay: z.number().int().min(1).max(28),
  paymentTermDays: z.number().int().min(0).max(365),
  selfBillPayoutDays: z.number().int().min(0).max(365),
  reimbursementPayoutDays: z.number().int().min(0).max(365),
  minSessionSeconds: z.number().int().min(0),
  minSessionWh: z.number().int().min(0),
  maxPlausibleSessionWh: z.number().int().min(1),
  acceptUnknownChargePoints: z.boolean(),
  reviewBeforeIssue: z.boolean(),
  ticketAutoCloseDays: z.number().int().min(1).max(365),
  requireTwoFactor: z.boolean(),
});

const addressSchema = z.strictObject({
  line1: z.string().max(200).optional(),
  line2: z.string().max(200).optional(),
  postalCode: z.string().max(20).optional(),
  city: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const providerSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    legalName: z.string().nullable(),
    address: z.record(z.string(), z.string()).nullable(),
    vatNumber: z.string().nullable(),
    cocNumber: z.string().nullable(),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    country: z.string(),
    currency: z.string(),
    timeZone: z.string(),
    invoicePrefix: z.string(),
    isPlatformOperator: z.boolean(),
    status: z.string(),
    settings: providerSettingsSchema,
  })
  .meta({ id: "Provider" });

export const updateProviderSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  legalName: z.string().trim().max(200).nullable().optional(),
  address: addressSchema.optional(),
  vatNumber: z.string().trim().max(20).nullable().optional(),
  cocNumber: z.string().trim().max(20).nullable().optional(),
  iban: z.string().trim().max(40).nullable().optional(),
  bic: z.string().trim().max(11).nullable().optional(),
  timeZone: z.string().max(64).optional(),
  settings: providerSettingsSchema.partial().optional(),
});

export const createProviderSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/, "lower-case letters, digits and dashes"),
  name: z.string().trim().min(1).max(200),
  invoicePrefix: z.string().regex(/^[A-Z0-9]{2,8}$/, "2–8 upper-case letters or digits"),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default("NL"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("EUR"),
  timeZone: z.string().max(64).default("Europe/Amsterdam"),
  admin: z.strictObject({
    email: z.email(),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(10).max(256).optional(),
  }),
});
