import { recordAudit } from "@voltlane/core";
import type { Handler } from "./handler-context";

/** R8: firmware update progress is recorded in the audit trail. */
export const firmwareStatusNotification: Handler<{ status: string }> = async (ctx, req) => {
  await recordAudit(
    ctx.core.db,
    { kind: "charge_point", providerId: ctx.providerId, chargePointId: ctx.chargePointId },
    {
      action: "charge_point.firmware_status",
      entityType: "charge_point",
      entityId: ctx.chargePointId,
      after: { status: req.status },
    },
  );
  return {};
};
