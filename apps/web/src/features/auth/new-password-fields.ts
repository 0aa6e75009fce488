import type { TFunction } from "i18next";

export const MIN_PASSWORD_LENGTH = 10;

/** Shared rules for a new password and its confirmation (the server has the final word). */
export function newPasswordRules(t: TFunction) {
  return {
    newPassword: (value: string) =>
      value.length >= MIN_PASSWORD_LENGTH
        ? null
        : t("validation.passwordLength", { count: MIN_PASSWORD_LENGTH }),
    confirmPassword: (value: string, values: { newPassword: string }) =>
      value === values.newPassword ? null : t("validation.passwordsDiffer"),
  };
}
