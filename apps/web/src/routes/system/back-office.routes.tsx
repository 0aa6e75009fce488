import { createRoute } from "@tanstack/react-router";
import { systemNav } from "../../features/navigation/nav-items";
import { NavPlaceholder } from "../../features/navigation/nav-placeholder";
import { chargePointRoute } from "./charge-point.route";
import { chargePointsRoute } from "./charge-points.route";
import { systemRoute } from "./system.route";
import { transactionsRoute } from "./transactions.route";

/** The back-office pages of issue #6 (system users), beside Customers. */
const builtRoutes = [chargePointsRoute, chargePointRoute, transactionsRoute];

/** Menu entries whose page is one of the routes above. */
const built = new Set<string>(["/customers", "/charge-points", "/transactions"]);

/** Menus whose page is not built yet show their title and an empty state. */
export const backOfficePlaceholderRoutes = [
  ...builtRoutes,
  ...systemNav
    .filter((item) => !built.has(item.to))
    .map((item) =>
      createRoute({ getParentRoute: () => systemRoute, path: item.to, component: NavPlaceholder }),
    ),
];
