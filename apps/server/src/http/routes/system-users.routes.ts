import {
  createSystemUserBodySchema,
  pageOf,
  systemUserListQuerySchema,
  systemUserSchema,
  updateSystemUserBodySchema,
} from "@voltlane/contracts";
import { createSystemUser, listSystemUsers, updateSystemUser } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["system-users"];

export async function systemUsersRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/system-users",
    { schema: { tags, querystring: systemUserListQuerySchema, response: { 200: pageOf(systemUserSchema) } } },
    async (request) => listSystemUsers(core, principalOf(request), request.query),
  );
  app.post(
    "/system-users",
    { schema: { tags, body: createSystemUserBodySchema, response: { 201: systemUserSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createSystemUser(core, principalOf(request), request.body)),
  );
  app.patch(
    "/system-users/:id",
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: updateSystemUserBodySchema,
        response: { 200: systemUserSchema },
      },
    },
    async (request) => updateSystemUser(core, principalOf(request), request.params.id, request.body),
  );
}
