import { syncChangedLocalLists } from "@voltlane/core";
import { gatewayOf } from "../ocpp/gateway";
import { createOcppLocalListSender } from "../ocpp/local-list/ocpp-local-list-sender";
import type { ServerExtension } from "../start-server";

/** Card changes reach the chargers' local lists within this (issue #3 item 7). */
export const LOCAL_LIST_SYNC_EVERY_MS = 60_000;

/**
 * Differential local list updates: compares each synced charger's list with the cards that may charge
 * there now and sends what changed. Exclusive (one process), idempotent: an unchanged list sends nothing.
 */
export const localListExtension: ServerExtension = async ({ core }) => {
  const gateway = gatewayOf(core);
  if (!gateway) return undefined;
  const sender = createOcppLocalListSender(gateway.router);
  return {
    jobs: [
      {
        id: "local-list-sync",
        everyMs: LOCAL_LIST_SYNC_EVERY_MS,
        run: () => syncChangedLocalLists(core, sender),
      },
    ],
  };
};
