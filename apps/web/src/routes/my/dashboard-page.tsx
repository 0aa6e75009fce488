import { useTranslation } from "react-i18next";
import { DashboardPanel } from "../../features/dashboard/dashboard-panel";
import { PageTitle } from "../../features/ui/page-title";

/** The company admin's landing tab. */
export function MyDashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("nav.dashboard")}</PageTitle>
      <DashboardPanel />
    </>
  );
}
