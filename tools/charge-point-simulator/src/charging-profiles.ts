import type { ChargingProfile, ChargingProfilePurpose } from "./ocpp-types.ts";

/** Nominal phase voltage used to convert watt limits to amps (and back). */
export const PHASE_VOLTAGE = 230;

interface Installed {
  connectorId: number;
  profile: ChargingProfile;
  installedAt: number;
}

export interface ClearCriteria {
  id?: number;
  connectorId?: number;
  chargingProfilePurpose?: ChargingProfilePurpose;
  stackLevel?: number;
}

/**
 * Installed charging profiles and the limit they impose now. Simplified from OCPP 1.6 §3.13: per
 * purpose the highest stack level wins, TxProfile overrides TxDefaultProfile, and the result is
 * capped by ChargePointMaxProfile.
 */
export class ChargingProfiles {
  private installed: Installed[] = [];

  constructor(private readonly phases: number) {}

  set(connectorId: number, profile: ChargingProfile, now: Date): void {
    // A profile with the same id, or the same purpose and stack level, is replaced (§3.13.2).
    this.installed = this.installed.filter(
      (p) =>
        p.profile.chargingProfileId !== profile.chargingProfileId &&
        !(
          p.connectorId === connectorId &&
          p.profile.stackLevel === profile.stackLevel &&
          p.profile.chargingProfilePurpose === profile.chargingProfilePurpose
        ),
    );
    this.installed.push({ connectorId, profile, installedAt: now.getTime() });
  }

  /** Removes matching profiles; returns how many went. */
  clear(criteria: ClearCriteria): number {
    const before = this.installed.length;
    this.installed = this.installed.filter((p) => !matches(p, criteria));
    return before - this.installed.length;
  }

  /** TxProfiles live only as long as their transaction. */
  clearTxProfiles(connectorId: number): void {
    this.clear({ connectorId, chargingProfilePurpose: "TxProfile" });
  }

  get count(): number {
    return this.installed.length;
  }

  /** The current limit in A per phase on the connector at `now`, or undefined when unlimited. */
  limitA(connectorId: number, now: Date): number | undefined {
    const max = this.purposeLimit(0, "ChargePointMaxProfile", now);
    const tx =
      this.purposeLimit(connectorId, "TxProfile", now) ??
      this.purposeLimit(connectorId, "TxDefaultProfile", now) ??
      this.purposeLimit(0, "TxDefaultProfile", now);
    if (max === undefined) return tx;
    return tx === undefined ? max : Math.min(max, tx);
  }

  private purposeLimit(connectorId: number, purpose: ChargingProfilePurpose, now: Date): number | undefined {
    const candidates = this.installed
      .filter((p) => p.connectorId === connectorId && p.profile.chargingProfilePurpose === purpose)
      .sort((a, b) => b.profile.stackLevel - a.profile.stackLevel);
    for (const candidate of candidates) {
      const limit = this.activeLimitA(candidate, now);
      if (limit !== undefined) return limit;
    }
    return undefined;
  }

  private activeLimitA(installed: Installed, now: Date): number | undefined {
    const { profile } = installed;
    const t = now.getTime();
    if (profile.validFrom && t < Date.parse(profile.validFrom)) return undefined;
    if (profile.validTo && t >= Date.parse(profile.validTo)) return undefined;
    const schedule = profile.chargingSchedule;
    const start = schedule.startSchedule ? Date.parse(schedule.startSchedule) : installed.installedAt;
    let elapsedS = (t - start) / 1000;
    if (profile.chargingProfileKind === "Recurring") {
      const periodS = profile.recurrencyKind === "Weekly" ? 7 * 86_400 : 86_400;
      elapsedS = ((elapsedS % periodS) + periodS) % periodS;
    }
    if (elapsedS < 0 || (schedule.duration !== undefined && elapsedS >= schedule.duration)) return undefined;
    const period = [...schedule.chargingSchedulePeriod]
      .sort((a, b) => a.startPeriod - b.startPeriod)
      .filter((p) => p.startPeriod <= elapsedS)
      .pop();
    if (!period) return undefined;
    if (schedule.chargingRateUnit === "A") return period.limit;
    return period.limit / (PHASE_VOLTAGE * (period.numberPhases ?? this.phases));
  }
}

function matches(p: Installed, c: ClearCriteria): boolean {
  if (c.id !== undefined) return p.profile.chargingProfileId === c.id;
  if (c.connectorId !== undefined && p.connectorId !== c.connectorId) return false;
  if (c.chargingProfilePurpose && p.profile.chargingProfilePurpose !== c.chargingProfilePurpose) return false;
  if (c.stackLevel !== undefined && p.profile.stackLevel !== c.stackLevel) return false;
  return true;
}
