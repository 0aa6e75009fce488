import { z } from "zod";

/** Every error code the platform answers with, and the HTTP status it maps to. */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  body_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  otp_required: 401,
  account_locked: 429,
  forbidden: 403,
  otp_enrollment_required: 403,
  view_as_read_only: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  already_issued: 409,
  unsupported_media_type: 415,
  business_rule: 422,
  rate_limited: 429,
  charge_point_offline: 409,
  charge_point_timeout: 504,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export type ErrorBody = z.infer<typeof errorBodySchema>;
