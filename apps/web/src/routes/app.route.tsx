import { createRoute, redirect } from "@tanstack/react-router";
import { meQuery } from "../features/auth/me.query";
import { AppLayout } from "../features/navigation/app-layout";
import { homePath } from "../features/navigation/nav-items";
import { effectiveView } from "../features/navigation/views";
import { applyAccountLanguage } from "../i18n/i18n";
import { rootRoute } from "./root.route";
import { RouteError } from "./route-error";

/** Everything behind the login: the guard loads Me once and hands it to child routes as context. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    if (me.otpEnrollmentRequired) throw redirect({ to: "/enrol-otp" });
    applyAccountLanguage(me.language);
    return { me, view: effectiveView(me) };
  },
  component: AppLayout,
  errorComponent: RouteError,
});

export const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  beforeLoad: ({ context }) => {
    throw redirect({ to: homePath(context.view), replace: true });
  },
});
