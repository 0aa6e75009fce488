import {
  addVatEntitySchema,
  billingRecordsSchema,
  mandateSchema,
  signMandateSchema,
  vatEntitySchema,
} from "@voltlane/contracts";
import { addCustomerVatEntity, getBillingRecords, revokeMandate, signMandate } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["customers"];
const params = z.object({ id: z.uuid() });
const mandateParams = z.object({ id: z.uuid(), mandateId: z.uuid() });

/** Billing data of a customer (§2 "Billing data (IBAN, mandate, VAT)"): VAT entities and mandates. */
export async function customerBillingRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/customers/:id/billing",
    { schema: { tags, params, response: { 200: billingRecordsSchema } } },
    (req) => getBillingRecords(core, principalOf(req), req.params.id),
  );
  app.post(
    "/customers/:id/vat-entities",
    { schema: { tags, params, body: addVatEntitySchema, response: { 201: vatEntitySchema } } },
    async (req, reply) =>
      reply.status(201).send(await addCustomerVatEntity(core, principalOf(req), req.params.id, req.body)),
  );
  app.post(
    "/customers/:id/mandates",
    { schema: { tags, params, body: signMandateSchema, response: { 201: mandateSchema } } },
    async (req, reply) =>
      reply.status(201).send(await signMandate(core, principalOf(req), req.params.id, req.body)),
  );
  app.post(
    "/customers/:id/mandates/:mandateId/revoke",
    { schema: { tags, params: mandateParams, response: { 200: mandateSchema } } },
    (req) => revokeMandate(core, principalOf(req), req.params.id, req.params.mandateId),
  );
}
