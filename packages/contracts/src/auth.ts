import { z } from "zod";
import { customerTypeSchema, languageSchema } from "./roles";

export const loginBodySchema = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  otp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** Provider slug; optional on a single-provider install. */
  provider: z.string().max(64).optional(),
});

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    kind: z.enum(["system", "customer"]),
    roles: z.array(z.string()),
    isSuper: z.boolean(),
    providerId: z.uuid(),
    customerId: z.uuid().optional(),
    customerType: customerTypeSchema.optional(),
    language: languageSchema,
    otpEnabled: z.boolean(),
    otpEnrollmentRequired: z.boolean(),
    viewAs: z
      .object({ customerId: z.uuid(), customerType: customerTypeSchema, name: z.string() })
      .nullable()
      .optional(),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = z.object({ user: meSchema });

export const passwordSchema = z.string().min(10, "at least 10 characters").max(256);

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: passwordSchema,
});

export const passwordResetRequestSchema = z.strictObject({
  email: z.string().trim().min(1).max(320),
  provider: z.string().max(64).optional(),
});
export const passwordResetConfirmSchema = z.strictObject({
  token: z.string().min(10).max(200),
  newPassword: passwordSchema,
});

export const otpBodySchema = z.strictObject({ otp: z.string().regex(/^\d{6}$/) });
export const otpEnrollResponseSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });

export const apiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100).default("API token"),
  expiresInDays: z.number().int().min(1).max(3650).default(365),
});
export const apiTokenResponseSchema = z.object({
  id: z.uuid(),
  token: z.string(),
  name: z.string(),
  expiresAt: z.string(),
});

export const viewAsBodySchema = z.strictObject({ customerId: z.uuid() });
