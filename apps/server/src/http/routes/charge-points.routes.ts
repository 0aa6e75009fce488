import {
  chargePointIdSchema,
  chargePointListQuerySchema,
  chargePointSchema,
  chargePointStatsQuerySchema,
  chargePointStatsSchema,
  createChargePointSchema,
  pageOf,
  updateChargePointSchema,
} from "@voltlane/contracts";
import {
  activateChargePoint,
  deactivateChargePoint,
  deleteChargePoint,
  getChargePoint,
  getChargePointStats,
  listChargePoints,
  registerChargePoint,
  retireChargePoint,
  updateChargePoint,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["charge-points"];
const params = z.object({ id: chargePointIdSchema });
const one = { tags, params, response: { 200: chargePointSchema } };

export async function chargePointRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/charge-points",
    {
      schema: { tags, querystring: chargePointListQuerySchema, response: { 200: pageOf(chargePointSchema) } },
    },
    (req) => listChargePoints(core, principalOf(req), req.query),
  );
  app.post(
    "/charge-points",
    { schema: { tags, body: createChargePointSchema, response: { 201: chargePointSchema } } },
    async (req, reply) => reply.status(201).send(await registerChargePoint(core, principalOf(req), req.body)),
  );
  app.get(
    "/charge-points/:id/stats",
    {
      schema: {
        tags,
        params,
        querystring: chargePointStatsQuerySchema,
        response: { 200: chargePointStatsSchema },
      },
    },
    (req) => getChargePointStats(core, principalOf(req), req.params.id, req.query.days),
  );
  app.get("/charge-points/:id", { schema: one }, (req) =>
    getChargePoint(core, principalOf(req), req.params.id),
  );
  app.patch("/charge-points/:id", { schema: { ...one, body: updateChargePointSchema } }, (req) =>
    updateChargePoint(core, principalOf(req), req.params.id, req.body),
  );
  app.post("/charge-points/:id/activate", { schema: one }, (req) =>
    activateChargePoint(core, principalOf(req), req.params.id),
  );
  app.post("/charge-points/:id/deactivate", { schema: one }, (req) =>
    deactivateChargePoint(core, principalOf(req), req.params.id),
  );
  app.post("/charge-points/:id/retire", { schema: one }, (req) =>
    retireChargePoint(core, principalOf(req), req.params.id),
  );
  app.delete("/charge-points/:id", { schema: { tags, params } }, async (req, reply) => {
    await deleteChargePoint(core, principalOf(req), req.params.id);
    return reply.status(204).send();
  });
}
