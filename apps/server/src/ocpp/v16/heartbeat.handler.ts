import { markChargePointSeen } from "@voltlane/core";
import type { Handler } from "./handler-context";

export const heartbeat: Handler<Record<string, never>> = async (ctx) => {
  await markChargePointSeen(ctx.core.db, ctx.chargePointId, true, ctx.core.clock);
  return { currentTime: ctx.core.clock.now().toISOString() };
};
