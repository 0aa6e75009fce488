import { createProviderSchema, providerSchema, updateProviderSchema } from "@voltlane/contracts";
import {
  createProvider,
  getOwnProvider,
  listProviders,
  presentProvider,
  updateOwnProvider,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["providers"];

export async function providersRoutes(app: App, { core }: ServerDeps) {
  app.get("/provider", { schema: { tags, response: { 200: providerSchema } } }, async (request) =>
    presentProvider(await getOwnProvider(core, principalOf(request))),
  );
  app.patch(
    "/provider",
    { schema: { tags, body: updateProviderSchema, response: { 200: providerSchema } } },
    async (request) => presentProvider(await updateOwnProvider(core, principalOf(request), request.body)),
  );
  app.get(
    "/providers",
    { schema: { tags, response: { 200: z.object({ items: z.array(providerSchema) }) } } },
    async (request) => ({
      items: (await listProviders(core, principalOf(request))).map(presentProvider),
    }),
  );
  app.post(
    "/providers",
    { schema: { tags, body: createProviderSchema, response: { 201: providerSchema } } },
    async (request, reply) =>
      reply.status(201).send(presentProvider(await createProvider(core, principalOf(request), request.body))),
  );
}
