import { useTranslation } from "react-i18next";
import { useMe } from "../../features/auth/me.query";
import { EmployeesList } from "../../features/customers/employees-list";
import { NavPlaceholder } from "../../features/navigation/nav-placeholder";
import { effectiveCustomerId } from "../../features/navigation/views";
import { PageTitle } from "../../features/ui/page-title";
import { portalTabRoute } from "../private/portal.route";

/** Tabs only company admins have (DOMAIN.md §6). */
export const companyDashboardRoute = portalTabRoute("dashboard", NavPlaceholder);

export const employeesRoute = portalTabRoute("employees", function EmployeesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const companyId = effectiveCustomerId(me);
  return (
    <>
      <PageTitle>{t("nav.employees")}</PageTitle>
      {companyId && <EmployeesList companyId={companyId} />}
    </>
  );
});
