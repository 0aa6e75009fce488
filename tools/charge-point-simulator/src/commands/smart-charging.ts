import type { SimulatedChargePoint } from "../charge-point.ts";
import type { ClearCriteria } from "../charging-profiles.ts";
import type { ChargingProfile } from "../ocpp-types.ts";
import type { RegisterHandler } from "./register.ts";

/** SetChargingProfile, ClearChargingProfile and GetCompositeSchedule (SmartCharging profile). */
export function registerSmartChargingHandlers(cp: SimulatedChargePoint, register: RegisterHandler): void {
  register("SetChargingProfile", (params) => {
    const connectorId = params.connectorId as number;
    const profile = params.csChargingProfiles as ChargingProfile;
    if (cp.options.rejectChargingProfiles) return { status: "Rejected" };
    const connector = cp.connectors[connectorId];
    if (!connector) return { status: "Rejected" };
    if (profile.stackLevel > cp.config.getInt("ChargeProfileMaxStackLevel")) return { status: "Rejected" };
    if (profile.chargingProfilePurpose === "ChargePointMaxProfile" && connectorId !== 0) {
      return { status: "Rejected" };
    }
    if (profile.chargingProfilePurpose === "TxProfile" && !txProfileFits(cp, connectorId, profile)) {
      return { status: "Rejected" };
    }
    cp.profiles.set(connectorId, profile, cp.now());
    return { status: "Accepted" };
  });

  register("ClearChargingProfile", (params) => {
    const removed = cp.profiles.clear(params as ClearCriteria);
    return { status: removed > 0 ? "Accepted" : "Unknown" };
  });

  register("GetCompositeSchedule", (params) => {
    const connectorId = params.connectorId as number;
    if (!cp.connectors[connectorId]) return { status: "Rejected" };
    const now = cp.now();
    const limitA = cp.currentLimitA(connectorId, now) ?? cp.options.maxCurrentA;
    return {
      status: "Accepted",
      connectorId,
      scheduleStart: now.toISOString(),
      chargingSchedule: {
        duration: params.duration as number,
        chargingRateUnit: "A",
        // One period at today's limit; whole amps keep the value a valid multiple of 0.1.
        chargingSchedulePeriod: [{ startPeriod: 0, limit: Math.floor(limitA) }],
      },
    };
  });
}

/** A TxProfile needs a running transaction on the connector, and the right one if it names it. */
function txProfileFits(cp: SimulatedChargePoint, connectorId: number, profile: ChargingProfile): boolean {
  const session = cp.connectors[connectorId]?.session;
  if (!session || connectorId === 0) return false;
  return (
    profile.transactionId === undefined ||
    profile.transactionId === cp.resolveTransactionId(session.transactionId)
  );
}
