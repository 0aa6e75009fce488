import {
  chargeGroupListQuerySchema,
  chargeGroupSchema,
  createChargeGroupSchema,
  groupMemberBodySchema,
  pageOf,
  tariffExceptionBodySchema,
  updateChargeGroupSchema,
} from "@voltlane/contracts";
import {
  addGroupMember,
  createChargeGroup,
  deleteChargeGroup,
  getChargeGroup,
  listChargeGroups,
  removeGroupMember,
  removeTariffException,
  setTariffException,
  updateChargeGroup,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["charge-groups"];
const params = z.object({ id: z.uuid() });
const memberParams = z.object({ id: z.uuid(), customerId: z.uuid() });

export async function chargeGroupRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/charge-groups",
    {
      schema: { tags, querystring: chargeGroupListQuerySchema, response: { 200: pageOf(chargeGroupSchema) } },
    },
    (req) => listChargeGroups(core, principalOf(req), req.query),
  );
  app.post(
    "/charge-groups",
    { schema: { tags, body: createChargeGroupSchema, response: { 201: chargeGroupSchema } } },
    async (req, reply) => reply.status(201).send(await createChargeGroup(core, principalOf(req), req.body)),
  );
  app.get("/charge-groups/:id", { schema: { tags, params, response: { 200: chargeGroupSchema } } }, (req) =>
    getChargeGroup(core, principalOf(req), req.params.id),
  );
  app.patch(
    "/charge-groups/:id",
    { schema: { tags, params, body: updateChargeGroupSchema, response: { 200: chargeGroupSchema } } },
    (req) => updateChargeGroup(core, principalOf(req), req.params.id, req.body),
  );
  app.delete("/charge-groups/:id", { schema: { tags, params } }, async (req, reply) => {
    await deleteChargeGroup(core, principalOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.post(
    "/charge-groups/:id/members",
    { schema: { tags, params, body: groupMemberBodySchema } },
    async (req, reply) => {
      await addGroupMember(core, principalOf(req), req.params.id, req.body.customerId);
      return reply.status(201).send(await getChargeGroup(core, principalOf(req), req.params.id));
    },
  );
  app.delete(
    "/charge-groups/:id/members/:customerId",
    { schema: { tags, params: memberParams } },
    async (req, reply) => {
      await removeGroupMember(core, principalOf(req), req.params.id, req.params.customerId);
      return reply.status(204).send();
    },
  );
  app.put(
    "/charge-groups/:id/exceptions/:customerId",
    { schema: { tags, params: memberParams, body: tariffExceptionBodySchema } },
    async (req) => {
      await setTariffException(
        core,
        principalOf(req),
        req.params.id,
        req.params.customerId,
        req.body.tariffId,
      );
      return getChargeGroup(core, principalOf(req), req.params.id);
    },
  );
  app.delete(
    "/charge-groups/:id/exceptions/:customerId",
    { schema: { tags, params: memberParams } },
    async (req, reply) => {
      await removeTariffException(core, principalOf(req), req.params.id, req.params.customerId);
      return reply.status(204).send();
    },
  );
}
