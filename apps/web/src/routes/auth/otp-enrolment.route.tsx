import { Anchor, Stack, Text } from "@mantine/core";
import { createRoute, redirect, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useLogout } from "../../features/auth/auth.api";
import { AuthCard } from "../../features/auth/auth-card";
import { meQuery } from "../../features/auth/me.query";
import { OtpEnrolment } from "../../features/auth/otp-enrolment";
import { rootRoute } from "../root.route";

/** When the account must enrol in TOTP, this is the only screen the app shows. */
export const otpEnrolmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/enrol-otp",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/login" });
    if (!me.otpEnrollmentRequired) throw redirect({ to: "/" });
  },
  component: OtpEnrolmentPage,
});

function OtpEnrolmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <AuthCard title={t("otp.requiredTitle")}>
      <Stack>
        <Text size="sm">{t("otp.requiredText")}</Text>
        <OtpEnrolment onEnabled={() => void navigate({ to: "/" })} />
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: "/login" }) })}
        >
          {t("user.logout")}
        </Anchor>
      </Stack>
    </AuthCard>
  );
}
