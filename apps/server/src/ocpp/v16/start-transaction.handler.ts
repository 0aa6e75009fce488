import { startSession } from "@voltlane/core";
import { type Handler, idTagInfo } from "./handler-context";
import type { StartTransactionReq } from "./ocpp16-types";

export const startTransaction: Handler<StartTransactionReq> = async (ctx, req) => {
  const result = await startSession(ctx.core, {
    chargePointId: ctx.chargePointId,
    connectorId: req.connectorId,
    idTag: req.idTag,
    meterStartWh: req.meterStart,
    startedAt: new Date(req.timestamp),
    reservationId: req.reservationId,
  });
  return { transactionId: result.ocppTransactionId, idTagInfo: idTagInfo(result.authorization) };
};
