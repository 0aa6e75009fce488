import {
  createGridBodySchema,
  gridAllocationSchema,
  gridChargePointBodySchema,
  gridListSchema,
  gridLoadQuerySchema,
  gridLoadSchema,
  gridSchema,
  setExternalLimitBodySchema,
  updateGridBodySchema,
} from "@voltlane/contracts";
import {
  addChargePointToGrid,
  createGrid,
  deleteGrid,
  getGrid,
  getGridAllocation,
  getGridLoad,
  listGrids,
  removeChargePointFromGrid,
  setExternalLimit,
  updateGrid,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["grids"];
const params = z.object({ id: z.uuid() });
const memberParams = z.object({ id: z.uuid(), chargePointId: z.string().min(1).max(48) });

/** Grids and smart charging (R24, issue #7). */
export async function gridsRoutes(app: App, { core }: ServerDeps) {
  app.get("/grids", { schema: { tags, response: { 200: gridListSchema } } }, async (request) =>
    listGrids(core, principalOf(request)),
  );

  app.post(
    "/grids",
    { schema: { tags, body: createGridBodySchema, response: { 201: gridSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createGrid(core, principalOf(request), request.body)),
  );

  app.get("/grids/:id", { schema: { tags, params, response: { 200: gridSchema } } }, async (request) =>
    getGrid(core, principalOf(request), request.params.id),
  );

  app.patch(
    "/grids/:id",
    { schema: { tags, params, body: updateGridBodySchema, response: { 200: gridSchema } } },
    async (request) => updateGrid(core, principalOf(request), request.params.id, request.body),
  );

  app.delete("/grids/:id", { schema: { tags, params } }, async (request, reply) => {
    await deleteGrid(core, principalOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.put(
    "/grids/:id/external-limit",
    { schema: { tags, params, body: setExternalLimitBodySchema, response: { 200: gridSchema } } },
    async (request) => setExternalLimit(core, principalOf(request), request.params.id, request.body),
  );

  app.delete(
    "/grids/:id/external-limit",
    { schema: { tags, params, response: { 200: gridSchema } } },
    async (request) => setExternalLimit(core, principalOf(request), request.params.id, null),
  );

  app.post(
    "/grids/:id/charge-points",
    { schema: { tags, params, body: gridChargePointBodySchema, response: { 200: gridSchema } } },
    async (request) =>
      addChargePointToGrid(core, principalOf(request), request.params.id, request.body.chargePointId),
  );

  app.delete(
    "/grids/:id/charge-points/:chargePointId",
    { schema: { tags, params: memberParams, response: { 200: gridSchema } } },
    async (request) =>
      removeChargePointFromGrid(core, principalOf(request), request.params.id, request.params.chargePointId),
  );

  app.get(
    "/grids/:id/allocation",
    { schema: { tags, params, response: { 200: gridAllocationSchema } } },
    async (request) => getGridAllocation(core, principalOf(request), request.params.id),
  );

  app.get(
    "/grids/:id/load",
    { schema: { tags, params, querystring: gridLoadQuerySchema, response: { 200: gridLoadSchema } } },
    async (request) => getGridLoad(core, principalOf(request), request.params.id, request.query),
  );
}
