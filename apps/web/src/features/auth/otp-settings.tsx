import { Alert, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import { useMe } from "./me.query";
import { useDisableOtp } from "./otp.api";
import { OtpCodeForm } from "./otp-code-form";
import { OtpEnrolment } from "./otp-enrolment";

/** Two-factor authentication of the logged-in user: enable (enrol) or disable with a current code. */
export function OtpSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const disable = useDisableOtp();
  const [mode, setMode] = useState<"idle" | "enrol" | "disable">("idle");
  return (
    <Stack maw={480}>
      <Group>
        <Text>{t("otp.status")}</Text>
        <Badge color={me.otpEnabled ? "teal" : "gray"}>{me.otpEnabled ? t("otp.on") : t("otp.off")}</Badge>
      </Group>
      {mode === "idle" && (
        <Button w="fit-content" variant="light" onClick={() => setMode(me.otpEnabled ? "disable" : "enrol")}>
          {me.otpEnabled ? t("otp.disable") : t("otp.enable")}
        </Button>
      )}
      {mode === "enrol" && <OtpEnrolment onEnabled={() => setMode("idle")} />}
      {mode === "disable" && (
        <>
          {disable.isError && (
            <Alert color="red" role="alert">
              {errorMessage(disable.error, t)}
            </Alert>
          )}
          <OtpCodeForm
            description={t("otp.disablePrompt")}
            submitLabel={t("otp.disable")}
            loading={disable.isPending}
            onSubmit={(otp) =>
              disable.mutate(otp, {
                onSuccess: () => {
                  notifySuccess(t("otp.disabled"));
                  setMode("idle");
                },
              })
            }
          />
        </>
      )}
    </Stack>
  );
}
