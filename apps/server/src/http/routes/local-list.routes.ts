import { localListSyncResultSchema } from "@voltlane/contracts";
import { AppError, syncLocalList } from "@voltlane/core";
import { z } from "zod";
import { gatewayOf } from "../../ocpp/gateway";
import { createOcppLocalListSender } from "../../ocpp/local-list/ocpp-local-list-sender";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const params = z.object({ id: z.string().min(1).max(48) });

export async function localListRoutes(app: App, { core }: ServerDeps) {
  app.post(
    "/charge-points/:id/local-list/sync",
    { schema: { tags: ["charge-points"], params, response: { 200: localListSyncResultSchema } } },
    async (request) => {
      const gateway = gatewayOf(core);
      if (!gateway) throw new AppError("unavailable", "the OCPP gateway is not running");
      return syncLocalList(
        core,
        principalOf(request),
        request.params.id,
        createOcppLocalListSender(gateway.router),
      );
    },
  );
}
