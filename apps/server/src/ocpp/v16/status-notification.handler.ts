import { recordStatusNotification } from "@voltlane/core";
import type { Handler } from "./handler-context";
import type { StatusNotificationReq } from "./ocpp16-types";

/** Connector 0 is the charger itself; the event keeps the charger's timestamp and when it arrived. */
export const statusNotification: Handler<StatusNotificationReq> = async (ctx, req) => {
  await recordStatusNotification(ctx.core, {
    chargePointId: ctx.chargePointId,
    connectorId: req.connectorId,
    status: req.status,
    errorCode: req.errorCode,
    info: req.info,
    vendorErrorCode: req.vendorErrorCode,
    occurredAt: req.timestamp ? new Date(req.timestamp) : undefined,
  });
  return {};
};
