import {
  createProductSchema,
  createSubscriptionSchema,
  productSchema,
  subscriptionSchema,
} from "@voltlane/contracts";
import { createProduct, createSubscription, listProducts, listSubscriptions } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["products"];

export async function productsRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/products",
    { schema: { tags, response: { 200: z.object({ items: z.array(productSchema) }) } } },
    async (request) => listProducts(core, principalOf(request)),
  );
  app.post(
    "/products",
    { schema: { tags, body: createProductSchema, response: { 201: productSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createProduct(core, principalOf(request), request.body)),
  );
  app.get(
    "/subscriptions",
    {
      schema: {
        tags,
        querystring: z.object({ customerId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(subscriptionSchema) }) },
      },
    },
    async (request) => listSubscriptions(core, principalOf(request), request.query),
  );
  app.post(
    "/subscriptions",
    { schema: { tags, body: createSubscriptionSchema, response: { 201: subscriptionSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createSubscription(core, principalOf(request), request.body)),
  );
}
