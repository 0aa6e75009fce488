import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { ApiError } from "./api-client";

/** A user-facing message: a translation for known codes, otherwise the API's own message. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const translated = t(key, { defaultValue: "" });
    return translated || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function notifyError(error: unknown, t: TFunction): void {
  notifications.show({ color: "red", title: t("errors.title"), message: errorMessage(error, t) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: "green", message });
}
