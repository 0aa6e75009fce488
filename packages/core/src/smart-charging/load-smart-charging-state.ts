import {
  chargePoints,
  chargingProfileStates,
  type Db,
  defaultProfileStates,
  grids,
  meterValues,
  providers,
  smartChargingFlags,
  transactions,
} from "@voltlane/db";
import { and, desc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import { ampsOrNull, type GridRecord, loadGridTree } from "../grids/grid-records";
import {
  type ConnectorFact,
  type DefaultStateFact,
  loadDefaultProfileFacts,
} from "./load-default-profile-facts";

/** Charge points without a configured maximum are assumed to be 3-phase, 32 A (the common AC box). */
export const DEFAULT_CHARGER_MAX_A = 32;
/** Older current samples say nothing about the car now. */
const MEASUREMENT_MAX_AGE_MS = 10 * 60_000;

export type ActiveSessionFact = {
  chargePointId: string;
  connectorId: number;
  ocppTransactionId: number;
  startedAt: Date;
  /** When the server recorded the start (its own clock). */
  recordedAt: Date;
  gridId: string;
  phases: 1 | 3;
  maxCurrentA: number;
  /** Highest phase of the latest Current.Import sample, null when none is recent. */
  measuredA: number | null;
  measuredAt: Date | null;
  /** The charger refused profiles: its sessions are assumed to draw their maximum. */
  rejectsProfiles: boolean;
};

export type ProfileStateFact = typeof chargingProfileStates.$inferSelect;

export type SmartChargingState = {
  providerId: string;
  timeZone: string;
  grids: GridRecord[];
  sessions: ActiveSessionFact[];
  profiles: ProfileStateFact[];
  /** Charge points that are in some grid now. */
  inGrid: Set<string>;
  /** Every connector of the grid members, and the TxDefaultProfiles last sent to them. */
  connectors: ConnectorFact[];
  defaults: DefaultStateFact[];
};

/** Everything one re-balance of a provider needs, read in a handful of queries (R4: one provider). */
export async function loadSmartChargingState(
  db: Db,
  providerId: string,
  now: Date,
): Promise<SmartChargingState> {
  const [provider] = await db
    .select({ timeZone: providers.timeZone })
    .from(providers)
    .where(eq(providers.id, providerId));
  const tree = await loadGridTree(db, providerId);
  const members = await db
    .select({
      id: chargePoints.id,
      gridId: chargePoints.gridId,
      phases: chargePoints.phases,
      maxCurrentA: chargePoints.maxCurrentA,
      rejected: smartChargingFlags.profilesRejected,
    })
    .from(chargePoints)
    .leftJoin(smartChargingFlags, eq(smartChargingFlags.chargePointId, chargePoints.id))
    .where(and(eq(chargePoints.providerId, providerId), isNotNull(chargePoints.gridId)));
  const byId = new Map(members.map((m) => [m.id, m]));
  const active =
    members.length === 0
      ? []
      : await db
          .select()
          .from(transactions)
          .where(
            and(
              eq(transactions.providerId, providerId),
              eq(transactions.status, "active"),
              inArray(
                transactions.chargePointId,
                members.map((m) => m.id),
              ),
            ),
          );
  const measured = await latestCurrents(
    db,
    active.map((t) => t.id),
    now,
  );
  const sessions = active.map((t): ActiveSessionFact => {
    const cp = byId.get(t.chargePointId)!;
    return {
      chargePointId: t.chargePointId,
      connectorId: t.connectorId,
      ocppTransactionId: t.ocppTransactionId,
      startedAt: t.startedAt,
      recordedAt: t.createdAt,
      gridId: cp.gridId!,
      phases: cp.phases === 1 ? 1 : 3,
      maxCurrentA: cp.maxCurrentA ?? DEFAULT_CHARGER_MAX_A,
      measuredA: measured.get(t.id)?.value ?? null,
      measuredAt: measured.get(t.id)?.at ?? null,
      rejectsProfiles: cp.rejected === true,
    };
  });
  const profiles = await db
    .select()
    .from(chargingProfileStates)
    .where(eq(chargingProfileStates.providerId, providerId));
  const defaultFacts = await loadDefaultProfileFacts(db, providerId, members, DEFAULT_CHARGER_MAX_A);
  return {
    providerId,
    timeZone: provider?.timeZone ?? "UTC",
    grids: tree,
    sessions,
    profiles,
    inGrid: new Set(members.map((m) => m.id)),
    ...defaultFacts,
  };
}

/** Per transaction: the highest phase current of its latest Current.Import sample. */
async function latestCurrents(db: Db, transactionIds: string[], now: Date) {
  const result = new Map<string, { value: number; at: Date }>();
  if (transactionIds.length === 0) return result;
  const rows = await db
    .select({ transactionId: meterValues.transactionId, value: meterValues.value, at: meterValues.sampledAt })
    .from(meterValues)
    .where(
      and(
        inArray(meterValues.transactionId, transactionIds),
        eq(meterValues.measurand, "Current.Import"),
        gte(meterValues.sampledAt, new Date(now.getTime() - MEASUREMENT_MAX_AGE_MS)),
      ),
    )
    .orderBy(desc(meterValues.sampledAt));
  const latestAt = new Map<string, number>();
  for (const row of rows) {
    const id = row.transactionId!;
    const at = row.at.getTime();
    if ((latestAt.get(id) ?? at) !== at) continue;
    latestAt.set(id, at);
    const value = ampsOrNull(row.value);
    if (value !== null && Number.isFinite(value)) {
      result.set(id, { value: Math.max(result.get(id)?.value ?? 0, value), at: row.at });
    }
  }
  return result;
}

/** Providers that have grids or still hold profiles to clear. */
export async function providersWithSmartCharging(db: Db): Promise<string[]> {
  const withGrids = await db.selectDistinct({ id: grids.providerId }).from(grids);
  const withProfiles = await db
    .selectDistinct({ id: chargingProfileStates.providerId })
    .from(chargingProfileStates);
  const withDefaults = await db
    .selectDistinct({ id: defaultProfileStates.providerId })
    .from(defaultProfileStates);
  return [...new Set([...withGrids, ...withProfiles, ...withDefaults].map((r) => r.id))].sort();
}
