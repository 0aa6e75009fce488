import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../../features/auth/me.query";
import { type Provider, ProviderSettingsForm } from "../../features/settings/provider-settings-form";
import { PageTitle } from "../../features/ui/page-title";
import { api } from "../../lib/api-client";
import { QueryState } from "./shared/query-state";
import { systemRoute } from "./system.route";

export const settingsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/settings",
  component: SettingsPage,
});

function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const provider = useQuery({ queryKey: ["provider"], queryFn: () => api<Provider>("GET", "/provider") });
  // Provider settings: full for super and admin, view for the other roles (DOMAIN.md §2).
  const canEdit = me.isSuper || me.roles.includes("admin");
  return (
    <>
      <PageTitle>{t("bo.settings.title")}</PageTitle>
      <QueryState query={provider}>
        {(p) => <ProviderSettingsForm provider={p} readOnly={!canEdit} />}
      </QueryState>
    </>
  );
}
