import {
  attachCardSchema,
  blockCardSchema,
  cardImportQuerySchema,
  cardImportResultSchema,
  chargeCardListQuerySchema,
  chargeCardSchema,
  claimCardSchema,
  createChargeCardSchema,
  pageOf,
  updateChargeCardSchema,
} from "@voltlane/contracts";
import {
  attachCard,
  blockCard,
  claimChargeCard,
  detachCard,
  getChargeCard,
  importChargeCards,
  listChargeCards,
  registerChargeCard,
  unblockCard,
  updateChargeCard,
} from "@voltlane/core";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["charge-cards"];
const params = z.object({ id: z.uuid() });
const one = { tags, params, response: { 200: chargeCardSchema } };
// R31: claiming by external id is rate-limited so that printed numbers cannot be guessed.
const claimLimit = { rateLimit: { max: 5, timeWindow: "1 minute" } };
const maxImportBytes = 2 * 1024 * 1024;

export async function chargeCardRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/charge-cards",
    { schema: { tags, querystring: chargeCardListQuerySchema, response: { 200: pageOf(chargeCardSchema) } } },
    (req) => listChargeCards(core, principalOf(req), req.query),
  );
  app.post(
    "/charge-cards",
    { schema: { tags, body: createChargeCardSchema, response: { 201: chargeCardSchema } } },
    async (req, reply) => reply.status(201).send(await registerChargeCard(core, principalOf(req), req.body)),
  );
  app.post(
    "/charge-cards/claim",
    { schema: { tags, body: claimCardSchema, response: { 200: chargeCardSchema } }, config: claimLimit },
    (req) => claimChargeCard(core, principalOf(req), req.body.externalId),
  );
  app.get("/charge-cards/:id", { schema: one }, (req) =>
    getChargeCard(core, principalOf(req), req.params.id),
  );
  app.patch("/charge-cards/:id", { schema: { ...one, body: updateChargeCardSchema } }, (req) =>
    updateChargeCard(core, principalOf(req), req.params.id, req.body),
  );
  // The card may be named by its id or by the external id printed on it.
  const attachParams = z.object({ id: z.string().trim().min(1).max(64) });
  app.post(
    "/charge-cards/:id/attach",
    { schema: { ...one, params: attachParams, body: attachCardSchema } },
    (req) => attachCard(core, principalOf(req), req.params.id, req.body),
  );
  app.post("/charge-cards/:id/detach", { schema: one }, (req) =>
    detachCard(core, principalOf(req), req.params.id),
  );
  app.post("/charge-cards/:id/block", { schema: { ...one, body: blockCardSchema } }, (req) =>
    blockCard(core, principalOf(req), req.params.id, req.body.reason),
  );
  app.post("/charge-cards/:id/unblock", { schema: one }, (req) =>
    unblockCard(core, principalOf(req), req.params.id),
  );

  // The CSV import takes the file as the raw body (text/csv); only this scope parses that type.
  await app.register(async (scope) => {
    const csv = scope.withTypeProvider<ZodTypeProvider>();
    csv.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: maxImportBytes },
      (_req, body, done) => done(null, body),
    );
    csv.post(
      "/charge-cards/import",
      {
        schema: {
          tags,
          consumes: ["text/csv"],
          querystring: cardImportQuerySchema,
          body: z.string().max(maxImportBytes),
          response: { 200: cardImportResultSchema, 201: cardImportResultSchema },
        },
      },
      async (req, reply) => {
        const result = await importChargeCards(core, principalOf(req), req.body, {
          dryRun: req.query.dryRun,
        });
        return reply.status(result.dryRun ? 200 : 201).send(result);
      },
    );
  });
}
