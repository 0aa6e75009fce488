import { accessFor, capabilities } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const accessSchema = z.enum(["F", "V", "O", "-"]);
const permissionsSchema = z
  .object({
    /** Viewing as a customer (R7): every write is refused, whatever the matrix says. */
    readOnly: z.boolean(),
    /** DOMAIN.md §2 for the logged-in user: capability → F full, V view, O own scope, - none. */
    permissions: z.record(z.string(), accessSchema),
  })
  .meta({ id: "MyPermissions" });

/** What the web needs to hide buttons the user may not use; the API still checks every call. */
export async function permissionsRoutes(app: App, _deps: ServerDeps) {
  app.get(
    "/me/permissions",
    { schema: { tags: ["auth"], response: { 200: permissionsSchema } } },
    (request) => {
      const p = principalOf(request);
      return {
        readOnly: p.kind === "customer" && Boolean(p.viewAsBy),
        permissions: Object.fromEntries(capabilities.map((c) => [c, accessFor(p, c)])),
      };
    },
  );
}
