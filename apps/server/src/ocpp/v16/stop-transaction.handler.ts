import { stopSession } from "@voltlane/core";
import { type Handler, toSamples } from "./handler-context";
import type { StopTransactionReq } from "./ocpp16-types";

/** An unknown transaction id is answered (so the charger drops it from its queue) and logged. */
export const stopTransaction: Handler<StopTransactionReq> = async (ctx, req) => {
  const result = await stopSession(ctx.core, {
    chargePointId: ctx.chargePointId,
    ocppTransactionId: req.transactionId,
    meterStopWh: req.meterStop,
    stoppedAt: new Date(req.timestamp),
    reason: req.reason,
    idTag: req.idTag,
    samples: toSamples(req.transactionData),
  });
  if (!result.known) {
    ctx.log.warn(
      { chargePointId: ctx.chargePointId, transactionId: req.transactionId },
      "StopTransaction for an unknown transaction",
    );
  }
  return req.idTag ? { idTagInfo: { status: "Accepted" } } : {};
};
