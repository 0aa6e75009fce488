import { useSuspenseQuery } from "@tanstack/react-query";
import { createRoute, redirect } from "@tanstack/react-router";
import { AttachmentsTab } from "../../features/attachments/attachments-tab";
import { customerQuery } from "../../features/customers/customers.api";
import { DashboardPanel } from "../../features/dashboard/dashboard-panel";
import { PaymentsTab } from "../../features/payments-tab/payments-tab";
import { TicketsList } from "../../features/tickets/tickets-list";
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
    const { data: customer } = useSuspenseQuery(customerQuery(customerId));
    return <AttachmentsTab customerId={customerId} isCompany={customer.type === "company"} />;
  },
});

/** Dashboard (companies): the same component as the company admin's own Dashboard tab. */
export const customerDashboardRoute = createRoute({
  getParentRoute: () => customerRoute,
  path: "dashboard",
  component: function CustomerDashboard() {
    const { customerId } = customerDashboardRoute.useParams();
    return <DashboardPanel customerId={customerId} />;
  },
});

export const customerPaymentsRoute = createRoute({
  getParentRoute: () => customerRoute,
  path: "payments",
  component: function CustomerPayments() {
    const { customerId } = customerPaymentsRoute.useParams();
    return <PaymentsTab customerId={customerId} />;
  },
});

/** This customer's tickets, handled by staff: reply, assign, state, internal note. */
export const customerTicketsRoute = createRoute({
  getParentRoute: () => customerRoute,
  path: "tickets",
  component: function CustomerTickets() {
    const { customerId } = customerTicketsRoute.useParams();
    return <TicketsList customerId={customerId} staff />;
  },
});
