import {
  changeCustomerTypeBodySchema,
  createCustomerBodySchema,
  createLoginUserBodySchema,
  customerListQuerySchema,
  customerSchema,
  loginUserSchema,
  pageOf,
  updateCustomerBodySchema,
  updateLoginUserBodySchema,
} from "@voltlane/contracts";
import {
  addCustomerUser,
  changeCustomerType,
  createCustomer,
  getCustomer,
  listCustomers,
  listCustomerUsers,
  offBoardEmployee,
  updateCustomer,
  updateCustomerUser,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["customers"];
const params = z.object({ id: z.uuid() });
const userParams = z.object({ id: z.uuid(), userId: z.uuid() });

export async function customersRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/customers",
    { schema: { tags, querystring: customerListQuerySchema, response: { 200: pageOf(customerSchema) } } },
    async (request) => listCustomers(core, principalOf(request), request.query),
  );
  app.post(
    "/customers",
    { schema: { tags, body: createCustomerBodySchema, response: { 201: customerSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createCustomer(core, principalOf(request), request.body)),
  );
  app.get(
    "/customers/:id",
    { schema: { tags, params, response: { 200: customerSchema } } },
    async (request) => getCustomer(core, principalOf(request), request.params.id),
  );
  app.patch(
    "/customers/:id",
    { schema: { tags, params, body: updateCustomerBodySchema, response: { 200: customerSchema } } },
    async (request) => updateCustomer(core, principalOf(request), request.params.id, request.body),
  );
  app.post(
    "/customers/:id/change-type",
    { schema: { tags, params, body: changeCustomerTypeBodySchema, response: { 200: customerSchema } } },
    async (request) => changeCustomerType(core, principalOf(request), request.params.id, request.body),
  );
  app.post(
    "/customers/:id/off-board",
    { schema: { tags, params, response: { 200: customerSchema } } },
    async (request) => offBoardEmployee(core, principalOf(request), request.params.id),
  );
  app.get(
    "/customers/:id/users",
    { schema: { tags, params, response: { 200: z.object({ items: z.array(loginUserSchema) }) } } },
    async (request) => ({ items: await listCustomerUsers(core, principalOf(request), request.params.id) }),
  );
  app.post(
    "/customers/:id/users",
    { schema: { tags, params, body: createLoginUserBodySchema, response: { 201: loginUserSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCustomerUser(core, principalOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/customers/:id/users/:userId",
    {
      schema: {
        tags,
        params: userParams,
        body: updateLoginUserBodySchema,
        response: { 200: loginUserSchema },
      },
    },
    async (request) =>
      updateCustomerUser(core, principalOf(request), request.params.id, request.params.userId, request.body),
  );
}
