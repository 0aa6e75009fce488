import { Readable } from "node:stream";
import {
  billableOverrideBodySchema,
  transactionDetailSchema,
  transactionListQuerySchema,
  transactionPageSchema,
  transactionSchema,
} from "@voltlane/contracts";
import {
  exportTransactionsCsv,
  getTransaction,
  listTransactions,
  overrideBillable,
  transactionBatches,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import { transactionsXlsx, XLSX_TYPE } from "../exports/transactions-xlsx";
import type { App, ServerDeps } from "../types";

const tags = ["transactions"];
const params = z.object({ id: z.uuid() });

export async function transactionRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/transactions",
    { schema: { tags, querystring: transactionListQuerySchema, response: { 200: transactionPageSchema } } },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const principal = principalOf(request);
      if (format === "csv") {
        // Streamed batch by batch: a year of a provider's sessions never sits in memory at once.
        const csv = Readable.from(exportTransactionsCsv(core, principal, query));
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="transactions.csv"')
          .send(csv as never);
      }
      if (format === "xlsx") {
        // The CSV's batches (keyset, no count per page), so both exports cost the same.
        const batches = transactionBatches(core, principal, query);
        return reply
          .header("content-type", XLSX_TYPE)
          .header("content-disposition", 'attachment; filename="transactions.xlsx"')
          .send(transactionsXlsx(batches) as never);
      }
      return listTransactions(core, principal, query);
    },
  );

  app.get(
    "/transactions/:id",
    { schema: { tags, params, response: { 200: transactionDetailSchema } } },
    async (request) => getTransaction(core, principalOf(request), request.params.id),
  );

  app.post(
    "/transactions/:id/billable",
    { schema: { tags, params, body: billableOverrideBodySchema, response: { 200: transactionSchema } } },
    async (request) =>
      overrideBillable(core, principalOf(request), { transactionId: request.params.id, ...request.body }),
  );
}
