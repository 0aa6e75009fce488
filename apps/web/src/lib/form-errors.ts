import type { UseFormReturnType } from "@mantine/form";
import { ApiError } from "./api-client";

/**
 * Puts a 400 validation_failed answer's details under the matching form fields.
 * Returns true when at least one field error was shown, so the caller can skip the generic message.
 */
export function applyFieldErrors<T>(form: UseFormReturnType<T>, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return false;
  const values = form.getValues() as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    if (hasPath(values, path)) errors[path] = message;
  }
  form.setErrors(errors);
  return Object.keys(errors).length > 0;
}

function hasPath(values: Record<string, unknown>, path: string): boolean {
  let current: unknown = values;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null || !(part in current)) return false;
    current = (current as Record<string, unknown>)[part];
  }
  return true;
}
