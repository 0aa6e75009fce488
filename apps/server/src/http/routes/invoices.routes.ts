import {
  invoiceSchema,
  listInvoicesQuerySchema,
  pageOf,
  paymentSchema,
  recordPaymentSchema,
} from "@voltlane/contracts";
import {
  creditInvoice,
  getInvoice,
  getInvoicePdf,
  invoiceSessionsCsv,
  issueDraftInvoice,
  listInvoices,
  paymentView,
  recordPayment,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";
import { billingDepsOf } from "./billing-deps";

const tags = ["invoices"];
const params = z.object({ id: z.uuid() });

export async function invoicesRoutes(app: App, deps: ServerDeps) {
  const billing = billingDepsOf(deps);
  app.get(
    "/invoices",
    { schema: { tags, querystring: listInvoicesQuerySchema, response: { 200: pageOf(invoiceSchema) } } },
    async (request) => listInvoices(billing, principalOf(request), request.query),
  );
  app.get("/invoices/:id", { schema: { tags, params, response: { 200: invoiceSchema } } }, async (request) =>
    getInvoice(billing, principalOf(request), request.params.id),
  );
  app.get("/invoices/:id/pdf", { schema: { tags, params } }, async (request, reply) => {
    const pdf = await getInvoicePdf(billing, principalOf(request), request.params.id);
    return reply
      .type("application/pdf")
      .header("content-disposition", `inline; filename="${pdf.filename}"`)
      .send(pdf.bytes);
  });
  app.get("/invoices/:id/sessions.csv", { schema: { tags, params } }, async (request, reply) => {
    const file = await invoiceSessionsCsv(billing, principalOf(request), request.params.id);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${file.filename}"`)
      .send(file.csv);
  });
  app.post(
    "/invoices/:id/credit",
    { schema: { tags, params, response: { 201: invoiceSchema } } },
    async (request, reply) => {
      const p = principalOf(request);
      const note = await creditInvoice(billing, p, request.params.id);
      return reply.status(201).send(await getInvoice(billing, p, note.id));
    },
  );
  app.post(
    "/invoices/:id/issue",
    { schema: { tags, params, response: { 200: invoiceSchema } } },
    async (request) => {
      const p = principalOf(request);
      const issued = await issueDraftInvoice(billing, p, request.params.id);
      return getInvoice(billing, p, issued.id);
    },
  );
  app.post(
    "/invoices/:id/payments",
    { schema: { tags, params, body: recordPaymentSchema, response: { 201: paymentSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await paymentView(
            billing,
            await recordPayment(billing, principalOf(request), request.params.id, request.body),
          ),
        ),
  );
}
