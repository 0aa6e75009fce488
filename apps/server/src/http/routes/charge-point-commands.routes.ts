import {
  chargePointCommandBodySchema,
  chargePointCommandResponseSchema,
  ocppMessagePageSchema,
  ocppMessageQuerySchema,
} from "@voltlane/contracts";
import { listOcppMessages } from "@voltlane/core";
import { z } from "zod";
import { issueChargePointCommand } from "../../ocpp/commands/issue-command";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["charge-points"];
const params = z.object({ id: z.string().min(1).max(48) });

export async function chargePointCommandRoutes(app: App, { core }: ServerDeps) {
  app.post(
    "/charge-points/:id/commands",
    {
      schema: {
        tags,
        params,
        body: chargePointCommandBodySchema,
        response: { 200: chargePointCommandResponseSchema },
      },
    },
    async (request) => ({
      result: await issueChargePointCommand(core, principalOf(request), {
        chargePointId: request.params.id,
        ...request.body,
      }),
    }),
  );

  app.get(
    "/charge-points/:id/messages",
    {
      schema: { tags, params, querystring: ocppMessageQuerySchema, response: { 200: ocppMessagePageSchema } },
    },
    async (request) =>
      listOcppMessages(core, principalOf(request), { chargePointId: request.params.id, ...request.query }),
  );
}
