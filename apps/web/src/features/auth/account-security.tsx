import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "./change-password-form";
import { OtpSettings } from "./otp-settings";

/** Password and 2FA of the logged-in user (never of a customer viewed as). */
export function AccountSecurity() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("auth.changePassword")}
        </Title>
        <ChangePasswordForm />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("otp.title")}
        </Title>
        <OtpSettings />
      </Paper>
    </Stack>
  );
}
