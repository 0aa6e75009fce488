import { authorizeIdTag, cardHasActiveSession } from "@voltlane/core";
import { type Handler, idTagInfo } from "./handler-context";

/** R32, the same decision StartTransaction takes. */
export const authorize: Handler<{ idTag: string }> = async (ctx, req) => {
  const decision = await authorizeIdTag(ctx.core.db, {
    chargePointId: ctx.chargePointId,
    idTag: req.idTag,
    at: ctx.core.clock.now(),
    hasActiveSession: (cardId) => cardHasActiveSession(ctx.core.db, cardId),
  });
  return { idTagInfo: idTagInfo(decision) };
};
