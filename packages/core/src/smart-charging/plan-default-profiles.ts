import type { ConnectorFact, DefaultStateFact } from "./load-default-profile-facts";
import type { SmartChargingState } from "./load-smart-charging-state";

/** A default that failed to arrive is retried after this long; one the charger refused, after the longer. */
export const DEFAULT_RETRY_MS = 15_000;
export const DEFAULT_REFUSED_RETRY_MS = 60_000;

export type DefaultPlan = {
  connector: ConnectorFact;
  /** Amperes per phase, 0.1 A; 0 = a new car waits for its own TxProfile. */
  limitA: number;
  previous: DefaultStateFact | undefined;
  send: boolean;
};

export type DefaultProfilePlan = {
  defaults: DefaultPlan[];
  /** Defaults of charge points that left their grid: ClearChargingProfile, then forget. */
  clear: DefaultStateFact[];
};

type GridLoad = { gridId: string; limitA: number; phaseLoads: readonly [number, number, number] };
const key = (chargePointId: string, connectorId: number) => `${chargePointId}#${connectorId}`;

/**
 * Issue #7: a car that plugs in draws under the connector's TxDefaultProfile until its own TxProfile
 * arrives, so every idle connector gets a share of what the allocation left over. Beneath every grid
 * the idle connectors' shares sum to at most its spare (limit − allocated, on its fullest line), so
 * even if all of them start at once no grid exceeds its limit (R24). Shares below the grid's minimum
 * per vehicle are 0: such a car waits for its TxProfile. A busy connector's default goes to 0 (its
 * TxProfile governs the session), so that when the session ends no stale share is left there before
 * the next re-balance. Chargers that refuse profiles get none.
 */
export function planDefaultProfiles(
  state: SmartChargingState,
  grids: readonly GridLoad[],
  now: Date,
): DefaultProfilePlan {
  const parents = new Map(state.grids.map((g) => [g.id, g.parentId]));
  const minOf = new Map(state.grids.map((g) => [g.id, g.minCurrentPerVehicleA]));
  const spareDa = new Map(
    grids.map((g) => [g.gridId, Math.max(0, Math.floor((g.limitA - Math.max(...g.phaseLoads)) * 10 + 1e-6))]),
  );
  const busy = new Set(state.sessions.map((s) => key(s.chargePointId, s.connectorId)));
  const controlled = state.connectors.filter((c) => !c.rejectsProfiles);
  const isBusy = (c: ConnectorFact) => busy.has(key(c.chargePointId, c.connectorId));
  const idle = controlled.filter((c) => !isBusy(c));
  const chainOf = (gridId: string) => {
    const chain: string[] = [];
    for (let id: string | null | undefined = gridId; id && !chain.includes(id); id = parents.get(id)) {
      chain.push(id);
    }
    return chain;
  };
  const idleCount = new Map<string, number>();
  for (const c of idle) for (const id of chainOf(c.gridId)) idleCount.set(id, (idleCount.get(id) ?? 0) + 1);
  const previous = new Map(state.defaults.map((d) => [key(d.chargePointId, d.connectorId), d]));
  const defaults = controlled.map((connector): DefaultPlan => {
    const shareDa = isBusy(connector)
      ? 0
      : Math.min(
          connector.maxCurrentA * 10,
          ...chainOf(connector.gridId).map((id) => Math.floor((spareDa.get(id) ?? 0) / idleCount.get(id)!)),
        );
    const limitA = shareDa < (minOf.get(connector.gridId) ?? 6) * 10 ? 0 : shareDa / 10;
    const before = previous.get(key(connector.chargePointId, connector.connectorId));
    return { connector, limitA, previous: before, send: needsSending(before, connector, limitA, now) };
  });
  return { defaults, clear: state.defaults.filter((d) => !state.inGrid.has(d.chargePointId)) };
}

function needsSending(
  previous: DefaultStateFact | undefined,
  connector: ConnectorFact,
  limitA: number,
  now: Date,
): boolean {
  if (!previous) return true;
  // A charger that booted since may have lost its profiles (reset, replacement).
  if (connector.lastBootAt && connector.lastBootAt > previous.sentAt) return true;
  const age = now.getTime() - previous.sentAt.getTime();
  if (previous.status === "Accepted") return previous.limitA === null || Number(previous.limitA) !== limitA;
  if (previous.status === "Failed") return age >= DEFAULT_RETRY_MS;
  return age >= DEFAULT_REFUSED_RETRY_MS;
}
