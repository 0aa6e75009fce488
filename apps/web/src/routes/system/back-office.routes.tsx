import { createRoute } from "@tanstack/react-router";
import { systemNav } from "../../features/navigation/nav-items";
import { NavPlaceholder } from "../../features/navigation/nav-placeholder";
import { systemRoute } from "./system.route";

/**
 * Back-office menus whose issues have not landed yet. Each becomes a real route file when its feature
 * arrives (drop it from this list then); until then it shows its title and an empty state.
 */
export const backOfficePlaceholderRoutes = systemNav
  .filter((item) => item.to !== "/customers")
  .map((item) =>
    createRoute({ getParentRoute: () => systemRoute, path: item.to, component: NavPlaceholder }),
  );
