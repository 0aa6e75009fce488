import { auditEntrySchema, auditQuerySchema, pageOf } from "@voltlane/contracts";
import { listAuditEntries } from "@voltlane/core";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

export async function auditRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/audit",
    {
      schema: { tags: ["audit"], querystring: auditQuerySchema, response: { 200: pageOf(auditEntrySchema) } },
    },
    async (request) => listAuditEntries(core, principalOf(request), request.query),
  );
}
