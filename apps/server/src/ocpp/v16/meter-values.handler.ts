import { recordMeterValues } from "@voltlane/core";
import { type Handler, toSamples } from "./handler-context";
import type { MeterValuesReq } from "./ocpp16-types";

export const meterValues: Handler<MeterValuesReq> = async (ctx, req) => {
  await recordMeterValues(ctx.core, {
    providerId: ctx.providerId,
    chargePointId: ctx.chargePointId,
    connectorId: req.connectorId,
    ocppTransactionId: req.transactionId,
    samples: toSamples(req.meterValue),
  });
  return {};
};
