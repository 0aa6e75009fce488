import { createRoute, redirect } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AttachmentsPanel } from "../../features/customers/attachments-panel";
import { customerQuery } from "../../features/customers/customers.api";
import { EmptyState } from "../../features/ui/empty-state";
import { customerRoute, customerTabs } from "./customer.route";

/** `/customers/:id` opens the first tab of the customer's type. */
export const customerIndexRoute = createRoute({
  getParentRoute: () => customerRoute,
  path: "/",
  beforeLoad: async ({ context, params }) => {
    const customer = await context.queryClient.ensureQueryData(customerQuery(params.customerId));
    throw redirect({
      to: `/customers/$customerId/${customerTabs(customer.type)[0]!}`,
      params: { customerId: params.customerId },
      replace: true,
    });
  },
});

export const customerAttachmentsRoute = createRoute({
  getParentRoute: () => customerRoute,
  path: "attachments",
  component: function CustomerAttachments() {
    const { customerId } = customerAttachmentsRoute.useParams();
    return <AttachmentsPanel customerId={customerId} />;
  },
});

/** Tabs whose API arrives with a later issue: an empty state, not an error. */
function pendingTab(path: "dashboard" | "payments" | "tickets") {
  return createRoute({
    getParentRoute: () => customerRoute,
    path,
    component: function PendingTab() {
      const { t } = useTranslation();
      return <EmptyState description={t("empty.comingSoon", { tab: t(`customerTabs.${path}`) })} />;
    },
  });
}

export const customerDashboardRoute = pendingTab("dashboard");
export const customerPaymentsRoute = pendingTab("payments");
export const customerTicketsRoute = pendingTab("tickets");
