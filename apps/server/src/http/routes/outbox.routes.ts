import { outboxItemSchema, outboxQuerySchema, pageOf } from "@voltlane/contracts";
import { listOutbox } from "@voltlane/core";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

export async function outboxRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/outbox",
    {
      schema: {
        tags: ["outbox"],
        querystring: outboxQuerySchema,
        response: { 200: pageOf(outboxItemSchema) },
      },
    },
    async (request) => listOutbox(core, principalOf(request), request.query),
  );
}
