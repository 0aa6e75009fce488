import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { accountRoute } from "./account.route";
import { appRoute, indexRoute } from "./app.route";
import { forgotPasswordRoute } from "./auth/forgot-password.route";
import { loginRoute } from "./auth/login.route";
import { otpEnrolmentRoute } from "./auth/otp-enrolment.route";
import { resetPasswordRoute } from "./auth/reset-password.route";
import { companyDashboardRoute, employeesRoute } from "./company/company-tabs.routes";
import { portalIndexRoute, portalRoute } from "./private/portal.route";
import {
  chargeCardsRoute,
  chargePointsRoute,
  invoicesRoute,
  overviewRoute,
  profileRoute,
  ticketsRoute,
  transactionsRoute,
} from "./private/private-tabs.routes";
import { rootRoute } from "./root.route";
import { backOfficePlaceholderRoutes } from "./system/back-office.routes";
import { customerRoute } from "./system/customer.route";
import {
  customerAttachmentsRoute,
  customerDashboardRoute,
  customerIndexRoute,
  customerPaymentsRoute,
  customerTicketsRoute,
} from "./system/customer-tabs.routes";
import { customersRoute } from "./system/customers.route";
import { newCustomerRoute } from "./system/new-customer.route";
import { systemRoute } from "./system/system.route";

/*
 * /login, /forgot-password, /reset-password?token, /enrol-otp      outside the shell
 * /                  → the landing tab of the current view
 * /account           password and 2FA of the logged-in user
 * system:   /customers, /customers/new, /customers/:id/{dashboard,attachments,payments,tickets},
 *           /charge-points … /audit-log (placeholders)
 * customer: /my/{dashboard,overview,transactions,profile,invoices,employees,charge-cards,charge-points,tickets}
 */
export const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  otpEnrolmentRoute,
  appRoute.addChildren([
    indexRoute,
    accountRoute,
    systemRoute.addChildren([
      customersRoute,
      newCustomerRoute,
      customerRoute.addChildren([
        customerIndexRoute,
        customerDashboardRoute,
        customerAttachmentsRoute,
        customerPaymentsRoute,
        customerTicketsRoute,
      ]),
      ...backOfficePlaceholderRoutes,
    ]),
    portalRoute.addChildren([
      portalIndexRoute,
      companyDashboardRoute,
      overviewRoute,
      transactionsRoute,
      profileRoute,
      invoicesRoute,
      employeesRoute,
      chargeCardsRoute,
      chargePointsRoute,
      ticketsRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
