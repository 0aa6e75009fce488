import { createRoute, redirect, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AuthCard } from "../../features/auth/auth-card";
import { LoginForm } from "../../features/auth/login-form";
import { meQuery } from "../../features/auth/me.query";
import { rootRoute } from "../root.route";

/** Only same-site paths are followed after login. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : undefined;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: async ({ context }) => {
    if (await context.queryClient.ensureQueryData(meQuery)) throw redirect({ to: "/" });
  },
  component: LoginPage,
});

function LoginPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const { redirect: target } = loginRoute.useSearch();
  return (
    <AuthCard title={t("auth.loginTitle")}>
      <LoginForm
        onLoggedIn={() => {
          if (target && !target.startsWith("/login")) router.history.push(target);
          else void router.navigate({ to: "/" });
        }}
      />
    </AuthCard>
  );
}
