import { invoiceRunSchema, pageOf, pageQuerySchema, startInvoiceRunSchema } from "@voltlane/contracts";
import { getInvoiceRun, listInvoiceRuns, startInvoiceRun } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";
import { billingDepsOf } from "./billing-deps";

const tags = ["invoice-runs"];

export async function invoiceRunsRoutes(app: App, deps: ServerDeps) {
  const billing = billingDepsOf(deps);
  app.post(
    "/invoice-runs",
    { schema: { tags, body: startInvoiceRunSchema, response: { 201: invoiceRunSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await startInvoiceRun(billing, principalOf(request), { period: request.body.period })),
  );
  app.get(
    "/invoice-runs",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(invoiceRunSchema) } } },
    async (request) => listInvoiceRuns(billing, principalOf(request), request.query),
  );
  app.get(
    "/invoice-runs/:id",
    { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: invoiceRunSchema } } },
    async (request) => getInvoiceRun(billing, principalOf(request), request.params.id),
  );
}
