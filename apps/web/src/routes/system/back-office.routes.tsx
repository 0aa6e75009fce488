import { createRoute } from "@tanstack/react-router";
import { systemNav } from "../../features/navigation/nav-items";
import { NavPlaceholder } from "../../features/navigation/nav-placeholder";
import { auditLogRoute, outboxRoute, systemUsersRoute } from "./admin-pages.route";
import { chargeCardsRoute } from "./charge-cards.route";
import { chargeGroupRoute, chargeGroupsRoute } from "./charge-groups.route";
import { chargePointRoute } from "./charge-point.route";
import { chargePointsRoute } from "./charge-points.route";
import { gridRoute, gridsRoute } from "./grids.route";
import { invoiceRoute, invoicesRoute } from "./invoices.route";
import { paymentsRoute } from "./payments.route";
import { settingsRoute } from "./settings.route";
import { systemRoute } from "./system.route";
import { tariffsRoute } from "./tariffs.route";
import { ticketRoute, ticketsRoute } from "./tickets.route";
import { transactionsRoute } from "./transactions.route";

/** The back-office pages of issue #6 (system users), beside Customers. */
const builtRoutes = [
  chargePointsRoute,
  chargePointRoute,
  chargeGroupsRoute,
  chargeGroupRoute,
  gridsRoute,
  gridRoute,
  chargeCardsRoute,
  tariffsRoute,
  transactionsRoute,
  invoicesRoute,
  invoiceRoute,
  paymentsRoute,
  ticketsRoute,
  ticketRoute,
  systemUsersRoute,
  outboxRoute,
  auditLogRoute,
  settingsRoute,
];

/** Menu entries whose page is one of the routes above. */
const built = new Set<string>([
  "/customers",
  "/charge-points",
  "/charge-groups",
  "/grids",
  "/charge-cards",
  "/tariffs",
  "/transactions",
  "/invoices",
  "/payments",
  "/tickets",
  "/system-users",
  "/outbox",
  "/audit-log",
  "/settings",
]);

/** Menus whose page is not built yet show their title and an empty state. */
export const backOfficePlaceholderRoutes = [
  ...builtRoutes,
  ...systemNav
    .filter((item) => !built.has(item.to))
    .map((item) =>
      createRoute({ getParentRoute: () => systemRoute, path: item.to, component: NavPlaceholder }),
    ),
];
