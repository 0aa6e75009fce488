import type { LocalListSender, SendLocalListStatus } from "@voltlane/core";
import type { CommandRouter } from "../commands/command-router";

const statuses: readonly SendLocalListStatus[] = ["Accepted", "Failed", "NotSupported", "VersionMismatch"];

/**
 * The local list's adapter onto the command router: GetConfiguration for LocalAuthListMaxLength,
 * SendLocalList for the update. No answer (offline, timeout) counts as Failed and is retried later.
 */
export function createOcppLocalListSender(router: CommandRouter, timeoutMs = 30_000): LocalListSender {
  return {
    async maxLength(chargePointId) {
      const reply = (await router.send(
        chargePointId,
        "GetConfiguration",
        { key: ["LocalAuthListMaxLength"] },
        timeoutMs,
      )) as { configurationKey?: { key: string; value?: string }[] };
      const value = Number(reply.configurationKey?.find((k) => k.key === "LocalAuthListMaxLength")?.value);
      return Number.isInteger(value) && value > 0 ? value : null;
    },
    async send(chargePointId, update) {
      try {
        const reply = (await router.send(
          chargePointId,
          "SendLocalList",
          {
            listVersion: update.listVersion,
            updateType: update.updateType,
            localAuthorizationList: update.changes,
          },
          timeoutMs,
        )) as { status?: string };
        return statuses.find((s) => s === reply.status) ?? "Failed";
      } catch (error) {
        const code = (error as { details?: { ocppErrorCode?: string } }).details?.ocppErrorCode;
        if (code === "NotImplemented" || code === "NotSupported") return "NotSupported";
        // A command from the API must report why; the job treats it as Failed and retries.
        if (code === undefined) throw error;
        return "Failed";
      }
    },
  };
}
