import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AuthCard } from "../../features/auth/auth-card";
import { ForgotPasswordForm } from "../../features/auth/forgot-password-form";
import { rootRoute } from "../root.route";

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: function ForgotPasswordPage() {
    const { t } = useTranslation();
    return (
      <AuthCard title={t("auth.forgotPasswordTitle")}>
        <ForgotPasswordForm />
      </AuthCard>
    );
  },
});
