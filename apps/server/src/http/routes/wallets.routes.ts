import { walletDepositSchema, walletQuerySchema, walletSchema } from "@voltlane/contracts";
import { createWallet, depositToWallet, getCardWallet } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["charge-cards"];
const params = z.object({ id: z.uuid() });

/** A card's wallet (R29, R39): balance and ledger, opening it, and deposits by staff. */
export async function walletRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/charge-cards/:id/wallet",
    { schema: { tags, params, querystring: walletQuerySchema, response: { 200: walletSchema.nullable() } } },
    (req) => getCardWallet(core, principalOf(req), req.params.id, req.query),
  );
  app.post(
    "/charge-cards/:id/wallet",
    { schema: { tags, params, response: { 201: walletSchema } } },
    async (req, reply) => reply.status(201).send(await createWallet(core, principalOf(req), req.params.id)),
  );
  app.post(
    "/charge-cards/:id/wallet/deposits",
    { schema: { tags, params, body: walletDepositSchema, response: { 201: walletSchema } } },
    async (req, reply) =>
      reply.status(201).send(await depositToWallet(core, principalOf(req), req.params.id, req.body)),
  );
}
