import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import { useEnrolOtp, useVerifyOtp } from "./otp.api";
import { OtpCodeForm } from "./otp-code-form";

/** Starts an enrolment, shows the secret and otpauth URL, and enables TOTP once a code verifies. */
export function OtpEnrolment({ onEnabled }: { onEnabled?: () => void }) {
  const { t } = useTranslation();
  const enrol = useEnrolOtp();
  const verify = useVerifyOtp();
  const { mutate: start } = enrol;
  useEffect(() => start(), [start]);

  if (enrol.isError)
    return (
      <Alert color="red" role="alert">
        <Stack align="flex-start">
          {errorMessage(enrol.error, t)}
          <Button size="xs" variant="light" color="red" onClick={() => start()}>
            {t("common.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  if (!enrol.data) return <Text c="dimmed">{t("common.loading")}</Text>;
  const { secret, otpauthUrl } = enrol.data;
  return (
    <Stack>
      <Text size="sm">{t("otp.instructions")}</Text>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("otp.secret")}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code fz="md" style={{ wordBreak: "break-all" }} data-testid="otp-secret">
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="light" onClick={copy}>
                {copied ? t("common.copied") : t("common.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" fw={600}>
          {t("otp.url")}
        </Text>
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
          {otpauthUrl}
        </Code>
      </Stack>
      {verify.isError && (
        <Alert color="red" role="alert">
          {errorMessage(verify.error, t)}
        </Alert>
      )}
      <OtpCodeForm
        description={t("otp.enterCode")}
        submitLabel={t("otp.enable")}
        loading={verify.isPending}
        onSubmit={(otp) =>
          verify.mutate(otp, {
            onSuccess: () => {
              notifySuccess(t("otp.enabled"));
              onEnabled?.();
            },
          })
        }
      />
    </Stack>
  );
}
