import type { Handler } from "./handler-context";
import type { DataTransferReq } from "./ocpp16-types";

/** No vendor extensions are handled yet. */
export const dataTransfer: Handler<DataTransferReq> = async (ctx, req) => {
  ctx.log.info(
    { chargePointId: ctx.chargePointId, vendorId: req.vendorId, messageId: req.messageId },
    "DataTransfer",
  );
  return { status: "UnknownVendorId" };
};
