import type { ProfileSender } from "@voltlane/core";
import type { CommandRouter } from "../commands/command-router";
import {
  clearChargingProfileRequest,
  profileIdOf,
  SMART_CHARGING_STACK_LEVEL,
  setChargingProfileRequest,
} from "./charging-profile-messages";

const answers = ["Accepted", "Rejected", "NotSupported"] as const;

/**
 * Smart charging's adapter onto the gateway's command router (any process that holds the socket).
 * A charger that is offline, times out or answers a CALLERROR counts as `Failed` and is retried later;
 * `NotImplemented` means it has no smart charging at all, so it counts as `NotSupported`.
 */
export function createOcppProfileSender(router: CommandRouter, timeoutMs = 10_000): ProfileSender {
  return {
    async setLimit(target) {
      const profile = setChargingProfileRequest(target);
      const base = {
        profile,
        profileId: profileIdOf(target.connectorId),
        stackLevel: SMART_CHARGING_STACK_LEVEL,
      };
      try {
        const reply = (await router.send(target.chargePointId, "SetChargingProfile", profile, timeoutMs)) as {
          status?: string;
        };
        const answer = answers.find((a) => a === reply?.status) ?? "Rejected";
        return { ...base, answer };
      } catch (error) {
        const code = (error as { details?: { ocppErrorCode?: string } }).details?.ocppErrorCode;
        return {
          ...base,
          answer: code === "NotImplemented" || code === "NotSupported" ? "NotSupported" : "Failed",
        };
      }
    },
    async clear(chargePointId, connectorId) {
      await router.send(
        chargePointId,
        "ClearChargingProfile",
        clearChargingProfileRequest(connectorId),
        timeoutMs,
      );
    },
  };
}
