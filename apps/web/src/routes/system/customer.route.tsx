import { Anchor, Tabs } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createRoute, Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CustomerHeader } from "../../features/customers/customer-header";
import { customerQuery } from "../../features/customers/customers.api";
import { useStartViewAs } from "../../features/view-as/view-as.api";
import { notifyError } from "../../lib/error-message";
import { RouteError } from "../route-error";
import { systemRoute } from "./system.route";

export type CustomerTab = "dashboard" | "attachments" | "payments" | "tickets";

/** DOMAIN.md §6 System User View tabs; Dashboard is for companies only. */
export function customerTabs(type: string): CustomerTab[] {
  return type === "company"
    ? ["dashboard", "attachments", "payments", "tickets"]
    : ["attachments", "payments", "tickets"];
}

export const customerRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/customers/$customerId",
  loader: ({ context, params }) => context.queryClient.ensureQueryData(customerQuery(params.customerId)),
  component: CustomerPage,
  errorComponent: RouteError,
});

function CustomerPage() {
  const { t } = useTranslation();
  const { customerId } = customerRoute.useParams();
  const { data: customer } = useSuspenseQuery(customerQuery(customerId));
  const navigate = useNavigate();
  const viewAs = useStartViewAs();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const current = pathname.split("/")[3] ?? "";
  const tabs = customerTabs(customer.type);
  const startViewAs = () =>
    viewAs.mutate(customer.id, {
      onSuccess: () => void navigate({ to: "/" }),
      onError: (error) => notifyError(error, t),
    });
  return (
    <>
      <Anchor component={Link} to="/customers" size="sm">
        ← {t("customers.title")}
      </Anchor>
      <CustomerHeader customer={customer} onViewAs={startViewAs} viewAsPending={viewAs.isPending} />
      <Tabs
        value={current}
        onChange={(tab) =>
          tab && void navigate({ to: `/customers/$customerId/${tab}`, params: { customerId } })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`customerTabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
