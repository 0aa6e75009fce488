import {
  bankStatementImportSchema,
  bankStatementResultSchema,
  directDebitExportSchema,
  listPaymentsQuerySchema,
  listPayoutsQuerySchema,
  nettingCandidateSchema,
  nettingResultSchema,
  nettingSchema,
  pageOf,
  paymentSchema,
  payoutExportSchema,
  payoutSchema,
  sepaExportSchema,
} from "@voltlane/contracts";
import {
  exportDirectDebits,
  exportPayouts,
  importBankStatement,
  listNettingCandidates,
  listPayments,
  listPayouts,
  netInvoices,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["payments"];

export async function paymentsRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/payments",
    { schema: { tags, querystring: listPaymentsQuerySchema, response: { 200: pageOf(paymentSchema) } } },
    async (request) => listPayments(core, principalOf(request), request.query),
  );
  app.get(
    "/payouts",
    { schema: { tags, querystring: listPayoutsQuerySchema, response: { 200: pageOf(payoutSchema) } } },
    async (request) => listPayouts(core, principalOf(request), request.query),
  );
  // SEPA files: pain.008 direct debits (R12), pain.001 payouts (R57), camt.053 statements.
  app.post(
    "/payments/direct-debits/export",
    { schema: { tags, body: directDebitExportSchema, response: { 201: sepaExportSchema } } },
    async (request, reply) =>
      reply.status(201).send(await exportDirectDebits(core, principalOf(request), request.body)),
  );
  app.post(
    "/payouts/export",
    { schema: { tags, body: payoutExportSchema, response: { 201: sepaExportSchema } } },
    async (request, reply) =>
      reply.status(201).send(await exportPayouts(core, principalOf(request), request.body)),
  );
  app.post(
    "/payments/bank-statements",
    { schema: { tags, body: bankStatementImportSchema, response: { 200: bankStatementResultSchema } } },
    async (request) => importBankStatement(core, principalOf(request), request.body.xml),
  );
  // R59: settle an open debit against an unpaid credit of the same customer.
  app.get(
    "/payments/netting/candidates",
    { schema: { tags, response: { 200: z.array(nettingCandidateSchema) } } },
    async (request) => listNettingCandidates(core, principalOf(request)),
  );
  app.post(
    "/payments/netting",
    { schema: { tags, body: nettingSchema, response: { 201: nettingResultSchema } } },
    async (request, reply) =>
      reply.status(201).send(await netInvoices(core, principalOf(request), request.body)),
  );
}
