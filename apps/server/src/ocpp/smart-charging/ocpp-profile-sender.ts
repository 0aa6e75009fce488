import type { ProfileSender } from "@voltlane/core";
import type { CommandRouter } from "../commands/command-router";
import {
  clearChargingProfileRequest,
  clearDefaultProfileRequest,
  SMART_CHARGING_STACK_LEVEL,
  setChargingProfileRequest,
  setDefaultProfileRequest,
} from "./charging-profile-messages";

const answers = ["Accepted", "Rejected", "NotSupported"] as const;

/**
 * Smart charging's adapter onto the gateway's command router (any process that holds the socket).
 * A charger that is offline, times out or answers a CALLERROR counts as `Failed` and is retried later;
 * `NotImplemented` means it has no smart charging at all, so it counts as `NotSupported`.
 */
export function createOcppProfileSender(router: CommandRouter, timeoutMs = 10_000): ProfileSender {
  const send = async (
    chargePointId: string,
    profile: { csChargingProfiles: { chargingProfileId: number } },
  ) => {
    const base = {
      profile,
      profileId: profile.csChargingProfiles.chargingProfileId,
      stackLevel: SMART_CHARGING_STACK_LEVEL,
    };
    try {
      const reply = (await router.send(chargePointId, "SetChargingProfile", profile, timeoutMs)) as {
        status?: string;
      };
      const answer = answers.find((a) => a === reply?.status) ?? "Rejected";
      return { ...base, answer };
    } catch (error) {
      const code = (error as { details?: { ocppErrorCode?: string } }).details?.ocppErrorCode;
      return {
        ...base,
        answer: code === "NotImplemented" || code === "NotSupported" ? "NotSupported" : "Failed",
      } as const;
    }
  };
  return {
    setLimit: (target) => send(target.chargePointId, setChargingProfileRequest(target)),
    setDefault: (target) => send(target.chargePointId, setDefaultProfileRequest(target)),
    async clear(chargePointId, connectorId) {
      await router.send(
        chargePointId,
        "ClearChargingProfile",
        clearChargingProfileRequest(connectorId),
        timeoutMs,
      );
    },
    async clearDefault(chargePointId, connectorId) {
      await router.send(
        chargePointId,
        "ClearChargingProfile",
        clearDefaultProfileRequest(connectorId),
        timeoutMs,
      );
    },
  };
}
