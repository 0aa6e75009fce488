import {
  createLocationSchema,
  locationListQuerySchema,
  locationSchema,
  pageOf,
  updateLocationSchema,
} from "@voltlane/contracts";
import { createLocation, deleteLocation, getLocation, listLocations, updateLocation } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["locations"];
const params = z.object({ id: z.uuid() });

export async function locationRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/locations",
    { schema: { tags, querystring: locationListQuerySchema, response: { 200: pageOf(locationSchema) } } },
    (req) => listLocations(core, principalOf(req), req.query),
  );
  app.post(
    "/locations",
    { schema: { tags, body: createLocationSchema, response: { 201: locationSchema } } },
    async (req, reply) => reply.status(201).send(await createLocation(core, principalOf(req), req.body)),
  );
  app.get("/locations/:id", { schema: { tags, params, response: { 200: locationSchema } } }, (req) =>
    getLocation(core, principalOf(req), req.params.id),
  );
  app.patch(
    "/locations/:id",
    { schema: { tags, params, body: updateLocationSchema, response: { 200: locationSchema } } },
    (req) => updateLocation(core, principalOf(req), req.params.id, req.body),
  );
  app.delete("/locations/:id", { schema: { tags, params } }, async (req, reply) => {
    await deleteLocation(core, principalOf(req), req.params.id);
    return reply.status(204).send();
  });
}
