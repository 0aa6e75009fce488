import {
  createTariffSchema,
  pageOf,
  tariffListQuerySchema,
  tariffSchema,
  updateTariffSchema,
} from "@voltlane/contracts";
import { archiveTariff, createTariff, getTariff, listTariffs, updateTariff } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["tariffs"];
const params = z.object({ id: z.uuid() });

export async function tariffRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/tariffs",
    { schema: { tags, querystring: tariffListQuerySchema, response: { 200: pageOf(tariffSchema) } } },
    (req) => listTariffs(core, principalOf(req), req.query),
  );
  app.post(
    "/tariffs",
    { schema: { tags, body: createTariffSchema, response: { 201: tariffSchema } } },
    async (req, reply) => reply.status(201).send(await createTariff(core, principalOf(req), req.body)),
  );
  app.get("/tariffs/:id", { schema: { tags, params, response: { 200: tariffSchema } } }, (req) =>
    getTariff(core, principalOf(req), req.params.id),
  );
  app.patch(
    "/tariffs/:id",
    { schema: { tags, params, body: updateTariffSchema, response: { 200: tariffSchema } } },
    (req) => updateTariff(core, principalOf(req), req.params.id, req.body),
  );
  app.delete("/tariffs/:id", { schema: { tags, params } }, async (req, reply) => {
    await archiveTariff(core, principalOf(req), req.params.id);
    return reply.status(204).send();
  });
}
