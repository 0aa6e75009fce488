import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { useConfirmPasswordReset } from "./auth.api";
import { newPasswordRules } from "./new-password-fields";

export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { newPassword: "", confirmPassword: "" },
    validate: newPasswordRules(t),
  });
  if (!token)
    return (
      <Alert color="red" role="alert">
        {t("auth.resetTokenMissing")}
      </Alert>
    );
  if (confirm.isSuccess)
    return (
      <Stack>
        <Alert color="teal" role="status">
          {t("auth.resetDone")}
        </Alert>
        <Anchor component={Link} to="/login">
          {t("auth.backToLogin")}
        </Anchor>
      </Stack>
    );
  return (
    <form
      onSubmit={form.onSubmit(({ newPassword }) =>
        confirm.mutate({ token, newPassword }, { onError: (error) => applyFieldErrors(form, error) }),
      )}
      noValidate
    >
      <Stack>
        {confirm.error && (
          <Alert color="red" role="alert">
            {errorMessage(confirm.error, t)}
          </Alert>
        )}
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
        <Button type="submit" loading={confirm.isPending}>
          {t("auth.setPassword")}
        </Button>
      </Stack>
    </form>
  );
}
