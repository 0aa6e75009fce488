import { createRoute, redirect } from "@tanstack/react-router";
import { appRoute } from "../app.route";

/** Back office: only system users who are not viewing as a customer. */
export const systemRoute = createRoute({
  getParentRoute: () => appRoute,
  id: "system",
  beforeLoad: ({ context }) => {
    if (context.view !== "system") throw redirect({ to: "/" });
  },
});
