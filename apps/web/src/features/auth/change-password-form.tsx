import { Button, PasswordInput, Stack } from "@mantine/core";
import { isNotEmpty, useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { useChangePassword } from "./auth.api";
import { newPasswordRules } from "./new-password-fields";

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    validate: { currentPassword: isNotEmpty(t("validation.required")), ...newPasswordRules(t) },
  });
  const onSubmit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t("auth.passwordChanged"));
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={420}>
        <PasswordInput
          label={t("auth.currentPassword")}
          autoComplete="current-password"
          required
          key={form.key("currentPassword")}
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label={t("auth.newPassword")}
          autoComplete="new-password"
          required
          key={form.key("newPassword")}
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={t("auth.confirmPassword")}
          autoComplete="new-password"
          required
          key={form.key("confirmPassword")}
          {...form.getInputProps("confirmPassword")}
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t("auth.changePassword")}
        </Button>
      </Stack>
    </form>
  );
}
