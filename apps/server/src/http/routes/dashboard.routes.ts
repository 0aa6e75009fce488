import { dashboardQuerySchema, dashboardSchema } from "@voltlane/contracts";
import { getDashboard } from "@voltlane/core";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["dashboard"];

export async function dashboardRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/dashboard",
    { schema: { tags, querystring: dashboardQuerySchema, response: { 200: dashboardSchema } } },
    async (request) => getDashboard(core, principalOf(request), request.query),
  );
}
