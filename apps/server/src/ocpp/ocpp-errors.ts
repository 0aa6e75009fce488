import { AppError } from "@voltlane/core";
import { ocppError } from "./rpc-server";

/**
 * Core errors → CALLERROR, in one place. Schema violations never get here: ocpp-rpc's strict mode
 * answers them (FormationViolation, TypeConstraintViolation …). Unexpected errors become InternalError
 * without details, like 5xx on HTTP.
 */
export function toCallError(error: unknown): Error {
  if (error instanceof AppError) {
    switch (error.code) {
      case "validation_failed":
        return ocppError("PropertyConstraintViolation", error.message);
      case "not_found":
      case "business_rule":
      case "conflict":
        return ocppError("GenericError", error.message);
      default:
        return ocppError("InternalError", "internal error");
    }
  }
  return ocppError("InternalError", "internal error");
}
