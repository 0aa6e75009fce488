import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AccountSecurity } from "../features/auth/account-security";
import { PageTitle } from "../features/ui/page-title";
import { appRoute } from "./app.route";

export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account",
  component: function AccountPage() {
    const { t } = useTranslation();
    return (
      <>
        <PageTitle>{t("user.account")}</PageTitle>
        <AccountSecurity />
      </>
    );
  },
});
