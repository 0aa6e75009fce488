import type { ErrorCode } from "@voltlane/contracts";

/**
 * The one error type of the domain. Core throws it; each transport maps the code once
 * (HTTP status, OCPP CALLERROR). Core never throws transport errors.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code.replaceAll("_", " "),
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "resource") => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "not allowed") => new AppError("forbidden", message);
export const businessRule = (rule: string, message: string) =>
  new AppError("business_rule", message, { rule });

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.code === "23505") return !constraint || e.constraint === constraint || String(e).includes(constraint);
  return e.cause !== undefined && isUniqueViolation(e.cause, constraint);
}
