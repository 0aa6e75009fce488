import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { isEmail, useForm } from "@mantine/form";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/error-message";
import { useRequestPasswordReset } from "./auth.api";

/** The API answers 202 whether or not the address exists, so the message never tells either. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "" },
    validate: { email: isEmail(t("validation.email")) },
  });
  if (request.isSuccess)
    return (
      <Stack>
        <Alert color="teal" role="status">
          {t("auth.resetSent")}
        </Alert>
        <Anchor component={Link} to="/login">
          {t("auth.backToLogin")}
        </Anchor>
      </Stack>
    );
  return (
    <form
      onSubmit={form.onSubmit(({ email }) =>
        request.mutate(email, { onError: (error) => notifyError(error, t) }),
      )}
      noValidate
    >
      <Stack>
        <TextInput
          label={t("auth.email")}
          type="email"
          required
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <Button type="submit" loading={request.isPending}>
          {t("auth.sendResetLink")}
        </Button>
        <Anchor component={Link} to="/login" size="sm">
          {t("auth.backToLogin")}
        </Anchor>
      </Stack>
    </form>
  );
}
