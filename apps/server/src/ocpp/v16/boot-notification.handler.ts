import { closeInterruptedSessions, recordBoot } from "@voltlane/core";
import type { Handler } from "./handler-context";
import type { BootNotificationReq } from "./ocpp16-types";

/** R17, R18; a boot with sessions still open means the charger lost them (reboot, power loss). */
export const bootNotification: Handler<BootNotificationReq> = async (ctx, req) => {
  const now = ctx.core.clock.now();
  const boot = await recordBoot(
    ctx.core.db,
    ctx.chargePointId,
    {
      vendor: req.chargePointVendor,
      model: req.chargePointModel,
      serialNumber: req.chargePointSerialNumber,
      chargeBoxSerialNumber: req.chargeBoxSerialNumber,
      firmwareVersion: req.firmwareVersion,
      iccid: req.iccid,
      imsi: req.imsi,
      meterType: req.meterType,
      meterSerialNumber: req.meterSerialNumber,
      ocppVersion: "1.6",
    },
    ctx.core.clock,
  );
  if (!boot) return { status: "Rejected", currentTime: now.toISOString(), interval: 300 };
  const closed = await closeInterruptedSessions(ctx.core, {
    chargePointId: ctx.chargePointId,
    bootedAt: now,
  });
  if (closed > 0)
    ctx.log.warn({ chargePointId: ctx.chargePointId, closed }, "closed sessions left open by a reboot");
  return { status: boot.status, currentTime: now.toISOString(), interval: boot.interval };
};
