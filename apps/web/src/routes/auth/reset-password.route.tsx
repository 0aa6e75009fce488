import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AuthCard } from "../../features/auth/auth-card";
import { ResetPasswordForm } from "../../features/auth/reset-password-form";
import { rootRoute } from "../root.route";

/** Linked from the password-reset e-mail: `/reset-password?token=…`. */
export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token: string } => ({
    token: typeof search.token === "string" ? search.token : "",
  }),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = resetPasswordRoute.useSearch();
  return (
    <AuthCard title={t("auth.resetTitle")}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
