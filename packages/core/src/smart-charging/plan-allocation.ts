import Decimal from "decimal.js";
import { allocateLoad } from "../grids/allocate-load";
import type { LoadGrid, LoadSession } from "../grids/allocate-load.types";
import { effectiveLimitA } from "../grids/effective-limit";
import type { ActiveSessionFact, ProfileStateFact, SmartChargingState } from "./load-smart-charging-state";
import { type DefaultProfilePlan, planDefaultProfiles } from "./plan-default-profiles";

/** A measured draw moving less than this from what the allocation assumed changes nothing (issue #7). */
export const MATERIAL_CHANGE_A = 2;
/** A profile that failed to arrive (offline, timeout) is retried after this long. */
export const RETRY_AFTER_MS = 15_000;
/** A charger that refused is asked again after this long (a refusal may be transient). */
export const REFUSED_RETRY_MS = 60_000;

export type ConnectorPlan = {
  session: ActiveSessionFact;
  limitA: number;
  paused: boolean;
  /** The measured draw the allocation used (null when unknown). */
  assumedMeasuredA: number | null;
  previous: ProfileStateFact | undefined;
  /** The limit the connector has now: its TxProfile, else its TxDefaultProfile; null = unknown. */
  inForceA: number | null;
  /** Whether a SetChargingProfile must go out: the limit changed, or the last one did not arrive. */
  send: boolean;
  /** A charger flagged for refusing: asked again with its maximum (what it is assumed to draw anyway). */
  probe: boolean;
};

export type GridPlan = {
  gridId: string;
  limitA: number;
  phaseLoads: [number, number, number];
  measuredA: number | null;
  sessions: number;
};

export type AllocationPlan = {
  connectors: ConnectorPlan[];
  grids: GridPlan[];
  /** Profiles of charge points that left their grid (ClearChargingProfile) or of ended transactions (forget). */
  clear: ProfileStateFact[];
  forget: ProfileStateFact[];
  /** TxDefaultProfiles of the idle connectors: what a car that plugs in may draw before its TxProfile. */
  defaults: DefaultProfilePlan;
};

const key = (chargePointId: string, connectorId: number) => `${chargePointId}#${connectorId}`;

/**
 * What every connector in a grid should get now (R24), pure. Effective limits include time of use
 * and external limits; chargers that refused profiles count at their maximum, so the others are
 * reduced to keep every grid safe. Limits are sent only when they change.
 */
export function planAllocation(state: SmartChargingState, now: Date): AllocationPlan {
  const previous = new Map(state.profiles.map((p) => [key(p.chargePointId, p.connectorId), p]));
  const limits = new Map(
    state.grids.map((g) => [g.id, effectiveLimitA(g, state.grids, now, state.timeZone)]),
  );
  const fixed = fixedLoads(state);
  const loadGrids: LoadGrid[] = state.grids.map((g) => ({
    id: g.id,
    parentId: g.parentId,
    phases: g.phases,
    maxCurrentA: Math.max(0, new Decimal(limits.get(g.id)!).minus(fixed.get(g.id) ?? 0).toNumber()),
  }));
  const minOf = new Map(state.grids.map((g) => [g.id, g.minCurrentPerVehicleA]));
  const controlled = state.sessions.filter((s) => !s.rejectsProfiles);
  const defaultOf = new Map(state.defaults.map((d) => [key(d.chargePointId, d.connectorId), d.limitA]));
  const inputs = controlled.map((s) => {
    const k = key(s.chargePointId, s.connectorId);
    return toLoadSession(s, previous.get(k), minOf, defaultOf.get(k) ?? null);
  });
  const result = allocateLoad({ grids: loadGrids, sessions: inputs });
  const sameTxOf = (session: ActiveSessionFact) => {
    const before = previous.get(key(session.chargePointId, session.connectorId));
    return before?.ocppTransactionId === session.ocppTransactionId ? before : undefined;
  };
  const connectors = controlled.map((session, i): ConnectorPlan => {
    const allocation = result.allocations[i]!;
    const sameTx = sameTxOf(session);
    return {
      session,
      limitA: allocation.limitA,
      paused: allocation.paused,
      assumedMeasuredA: inputs[i]!.measuredCurrentA ?? null,
      previous: sameTx,
      inForceA: inputs[i]!.offeredCurrentA ?? null,
      // Sent at once, also for a new transaction: the session events come after StartTransaction.conf.
      send: needsSending(sameTx, allocation.limitA, now),
      probe: false,
    };
  });
  for (const session of state.sessions.filter((s) => s.rejectsProfiles)) {
    const sameTx = sameTxOf(session);
    const due = !sameTx || now.getTime() - sameTx.sentAt.getTime() >= REFUSED_RETRY_MS;
    connectors.push({
      session,
      limitA: session.maxCurrentA,
      paused: false,
      assumedMeasuredA: null,
      previous: sameTx,
      inForceA: null,
      send: due,
      probe: true,
    });
  }
  const active = new Set(state.sessions.map((s) => key(s.chargePointId, s.connectorId)));
  const stale = state.profiles.filter((p) => !active.has(key(p.chargePointId, p.connectorId)));
  const grids = gridPlans(state, limits, result.gridLoads, fixed);
  return {
    connectors,
    grids,
    clear: stale.filter((p) => !state.inGrid.has(p.chargePointId)),
    forget: stale.filter((p) => state.inGrid.has(p.chargePointId)),
    defaults: planDefaultProfiles(state, grids, now),
  };
}

/** Per grid, the load of chargers that refused profiles beneath it (assumed at their maximum). */
function fixedLoads(state: SmartChargingState): Map<string, number> {
  const parents = new Map(state.grids.map((g) => [g.id, g.parentId]));
  const loads = new Map<string, number>();
  for (const s of state.sessions.filter((x) => x.rejectsProfiles)) {
    const seen = new Set<string>();
    for (let id: string | null | undefined = s.gridId; id && !seen.has(id); id = parents.get(id)) {
      seen.add(id);
      loads.set(id, (loads.get(id) ?? 0) + s.maxCurrentA);
    }
  }
  return loads;
}

/**
 * Hysteresis: a measurement within 2 A of what the last allocation assumed keeps the old assumption.
 * A sample taken before the last profile arrived shows the old limit, not the car: it counts as unknown.
 * Before its first TxProfile a car runs under the connector's TxDefaultProfile: that was its offer.
 */
function toLoadSession(
  s: ActiveSessionFact,
  previous: ProfileStateFact | undefined,
  minOf: ReadonlyMap<string, number>,
  defaultLimitA: string | null,
): LoadSession {
  const sameTx = previous?.ocppTransactionId === s.ocppTransactionId ? previous : undefined;
  const assumed = sameTx?.assumedMeasuredA == null ? null : Number(sameTx.assumedMeasuredA);
  const fresh = s.measuredAt !== null && (!sameTx || s.measuredAt.getTime() > sameTx.sentAt.getTime());
  const current = fresh ? s.measuredA : null;
  const measured =
    current !== null && assumed !== null && Math.abs(current - assumed) < MATERIAL_CHANGE_A
      ? assumed
      : current;
  const offeredLimit = sameTx ? sameTx.limitA : defaultLimitA;
  const offered = offeredLimit == null ? null : Number(offeredLimit);
  return {
    sessionId: key(s.chargePointId, s.connectorId),
    gridId: s.gridId,
    phases: s.phases,
    measuredCurrentA: measured === null ? null : Math.min(measured, s.maxCurrentA),
    offeredCurrentA: offered,
    maxCurrentA: s.maxCurrentA,
    priority: 1,
    minCurrentA: minOf.get(s.gridId) ?? 6,
    startedAt: s.startedAt,
  };
}

function needsSending(previous: ProfileStateFact | undefined, limitA: number, now: Date): boolean {
  if (!previous || previous.limitA === null) return true;
  if (previous.status === "Accepted") return Number(previous.limitA) !== limitA;
  if (previous.status === "Failed") return now.getTime() - previous.sentAt.getTime() >= RETRY_AFTER_MS;
  // Rejected / NotSupported: the charger is flagged; asking again every tick helps nobody.
  return false;
}

function gridPlans(
  state: SmartChargingState,
  limits: ReadonlyMap<string, number>,
  loads: readonly { gridId: string; phaseLoads: [number, number, number] }[],
  fixed: ReadonlyMap<string, number>,
): GridPlan[] {
  const parents = new Map(state.grids.map((g) => [g.id, g.parentId]));
  const measured = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const s of state.sessions) {
    const seen = new Set<string>();
    for (let id: string | null | undefined = s.gridId; id && !seen.has(id); id = parents.get(id)) {
      seen.add(id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      const draw = s.rejectsProfiles ? (s.measuredA ?? s.maxCurrentA) : s.measuredA;
      if (draw !== null) measured.set(id, new Decimal(measured.get(id) ?? 0).plus(draw).toNumber());
    }
  }
  return loads.map(({ gridId, phaseLoads }) => {
    const extra = fixed.get(gridId) ?? 0;
    return {
      gridId,
      limitA: limits.get(gridId)!,
      phaseLoads: phaseLoads.map((l) => new Decimal(l).plus(extra).toNumber()) as [number, number, number],
      measuredA: measured.get(gridId) ?? null,
      sessions: counts.get(gridId) ?? 0,
    };
  });
}
