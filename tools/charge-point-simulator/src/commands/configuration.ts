import type { SimulatedChargePoint } from "../charge-point.ts";
import type { LocalListEntry } from "../local-list.ts";
import type { RegisterHandler } from "./register.ts";

/** GetConfiguration, ChangeConfiguration, ClearCache, local list management and DataTransfer. */
export function registerConfigurationHandlers(cp: SimulatedChargePoint, register: RegisterHandler): void {
  register("GetConfiguration", (params) => {
    const { configurationKey, unknownKey } = cp.config.list(params.key as string[] | undefined);
    return unknownKey.length > 0 ? { configurationKey, unknownKey } : { configurationKey };
  });

  register("ChangeConfiguration", (params) => ({
    status: cp.config.change(params.key as string, params.value as string),
  }));

  register("ClearCache", () => {
    cp.authCache.clear();
    return { status: "Accepted" };
  });

  register("SendLocalList", (params) => {
    if (!cp.config.getBool("LocalAuthListEnabled")) return { status: "NotSupported" };
    const list = (params.localAuthorizationList as LocalListEntry[] | undefined) ?? [];
    if (list.length > cp.config.getInt("SendLocalListMaxLength")) return { status: "Failed" };
    const updateType = params.updateType as "Full" | "Differential";
    return { status: cp.localList.update(params.listVersion as number, updateType, list) };
  });

  register("GetLocalListVersion", () => ({
    // OCPP 1.6 §5.10: -1 when local lists are off, 0 when none has been sent.
    listVersion: cp.config.getBool("LocalAuthListEnabled") ? cp.localList.listVersion : -1,
  }));

  // The simulator implements no vendor extensions.
  register("DataTransfer", () => ({ status: "UnknownVendorId" }));
}
