import { createRoute, type RouteComponent, redirect } from "@tanstack/react-router";
import { type PortalTab, portalTabs } from "../../features/navigation/nav-items";
import { appRoute } from "../app.route";

/**
 * The customers' own views (private user, employee, company admin) under `/my`. A system user viewing
 * as a customer gets exactly these screens, read-only.
 */
export const portalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/my",
  beforeLoad: ({ context }) => {
    const { view } = context;
    if (view === "system") throw redirect({ to: "/" });
    return { portalView: view };
  },
});

export const portalIndexRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/", replace: true });
  },
});

/** A tab of the customer views; a tab that is not part of the current view leads back home. */
export function portalTabRoute(tab: PortalTab, component: RouteComponent) {
  return createRoute({
    getParentRoute: () => portalRoute,
    path: tab,
    beforeLoad: ({ context }) => {
      if (!portalTabs[context.portalView].includes(tab)) throw redirect({ to: "/" });
    },
    component,
  });
}
