import type { DefaultTarget, LimitTarget } from "@voltlane/core";

/** Smart charging owns one TxProfile per connector: a fixed id so that each new one replaces the last. */
export const SMART_CHARGING_PROFILE_ID_BASE = 24_000;
/** …and one TxDefaultProfile per connector, the share of a car that plugs in (issue #7). */
export const SMART_CHARGING_DEFAULT_ID_BASE = 25_000;
export const SMART_CHARGING_STACK_LEVEL = 1;

export const profileIdOf = (connectorId: number) => SMART_CHARGING_PROFILE_ID_BASE + connectorId;
export const defaultProfileIdOf = (connectorId: number) => SMART_CHARGING_DEFAULT_ID_BASE + connectorId;

/** OCPP 1.6 SetChargingProfile.req: a TxProfile for the running transaction, one period, in amperes. */
export function setChargingProfileRequest(target: LimitTarget) {
  return {
    connectorId: target.connectorId,
    csChargingProfiles: {
      chargingProfileId: profileIdOf(target.connectorId),
      ...(target.ocppTransactionId === undefined ? {} : { transactionId: target.ocppTransactionId }),
      stackLevel: SMART_CHARGING_STACK_LEVEL,
      chargingProfilePurpose: "TxProfile",
      chargingProfileKind: "Relative",
      chargingSchedule: {
        chargingRateUnit: "A",
        chargingSchedulePeriod: [{ startPeriod: 0, limit: target.limitA, numberPhases: target.phases }],
      },
    },
  };
}

/**
 * OCPP 1.6 SetChargingProfile.req: a TxDefaultProfile on one connector. Relative, so every new
 * transaction there starts under it, for as long as it lasts, until its own TxProfile arrives.
 */
export function setDefaultProfileRequest(target: DefaultTarget) {
  return {
    connectorId: target.connectorId,
    csChargingProfiles: {
      chargingProfileId: defaultProfileIdOf(target.connectorId),
      stackLevel: SMART_CHARGING_STACK_LEVEL,
      chargingProfilePurpose: "TxDefaultProfile",
      chargingProfileKind: "Relative",
      chargingSchedule: {
        chargingRateUnit: "A",
        chargingSchedulePeriod: [{ startPeriod: 0, limit: target.limitA }],
      },
    },
  };
}

/** OCPP 1.6 ClearChargingProfile.req for the profile smart charging set on a connector. */
export function clearChargingProfileRequest(connectorId: number) {
  return { id: profileIdOf(connectorId), connectorId };
}

export function clearDefaultProfileRequest(connectorId: number) {
  return { id: defaultProfileIdOf(connectorId), connectorId };
}
