import { markStaleChargePointsOffline, pruneOcppMessages } from "@voltlane/core";
import type { ServerExtension } from "../start-server";
import { registerGateway, startGateway } from "./gateway";

/** Days of OCPP messages kept per charge point. */
export const OCPP_LOG_RETENTION_DAYS = 30;
/** How often chargers silent for 2.5 heartbeat intervals are marked offline. */
export const STALE_SWEEP_EVERY_MS = 60_000;

/** The OCPP gateway as a server extension, with the daily pruning of its message log. */
export const ocppExtension: ServerExtension = async ({ app, core, config }) => {
  const gateway = await startGateway(app, core, { redisUrl: config.redisUrl });
  registerGateway(core, gateway);
  // Websockets would keep the HTTP server from closing: drop them before it closes.
  app.addHook("preClose", async () => gateway.close());
  return {
    jobs: [
      {
        id: "ocpp-log-prune",
        everyMs: 6 * 3_600_000,
        run: () => pruneOcppMessages(core.db, core.clock.now(), OCPP_LOG_RETENTION_DAYS),
      },
      {
        // Exclusive (the default): one process sweeps for all, asking the router (Redis presence).
        id: "ocpp-stale-offline",
        everyMs: STALE_SWEEP_EVERY_MS,
        run: () => markStaleChargePointsOffline(core, gateway.router.isConnected),
      },
    ],
    close: () => gateway.close(),
  };
};
