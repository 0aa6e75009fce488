import { admitSessions } from "./admit-sessions";
import type { AllocateLoadInput, GridLoad, LoadAllocation } from "./allocate-load.types";
import { toAmperes } from "./deciamps";
import { fillWater } from "./fill-water";
import { buildLoadModel, type LoadModel, measuredCapDa } from "./load-model";

export type * from "./allocate-load.types";

/**
 * Splits the grid tree's capacity over the active sessions at one moment (R24). Pure and deterministic:
 * the result depends on the sessions and grids, not on their order. Limits are per phase, 0.1 A, floored.
 * Guarantees: no grid or ancestor is overloaded on any line; each session is paused (0 A) or gets between
 * its minimum and its maximum; pausing goes lowest priority, then latest arrival first; self-limiting
 * cars keep measured + 1 A and the spare goes to the others, weighted by priority.
 */
export function allocateLoad(input: AllocateLoadInput): LoadAllocation {
  const model = buildLoadModel(input);
  const admitted = admitSessions(model);
  const limitsDa = allocateWithMeasurements(model, admitted);
  const bySession = new Map(model.sessions.map((s, i) => [s.source.sessionId, i]));
  const allocations = input.sessions.map(({ sessionId }) => {
    const i = bySession.get(sessionId)!;
    return { sessionId, limitA: toAmperes(limitsDa[i]!), paused: !admitted[i] };
  });
  return { allocations, gridLoads: gridLoadsOf(input, model, limitsDa) };
}

/**
 * Water-fills, then caps every car drawing clearly less than its new limit at measured + 1 A and fills
 * again so the others get the spare. Each cap only ever lowers once, so this ends within n + 1 rounds.
 */
function allocateWithMeasurements(model: LoadModel, admitted: readonly boolean[]): number[] {
  const capDa = model.sessions.map((s) => s.maxDa);
  for (;;) {
    const limitsDa = fillWater(model, admitted, capDa);
    let lowered = false;
    model.sessions.forEach((session, i) => {
      const cap = admitted[i] ? measuredCapDa(session, limitsDa[i]!) : null;
      if (cap !== null && cap < capDa[i]!) {
        capDa[i] = cap;
        lowered = true;
      }
    });
    if (!lowered) return limitsDa;
  }
}

function gridLoadsOf(input: AllocateLoadInput, model: LoadModel, limitsDa: readonly number[]): GridLoad[] {
  const loads = new Map(input.grids.map((g) => [g.id, [0, 0, 0]]));
  model.sessions.forEach((session, i) => {
    for (const gridId of session.gridPath) {
      const lineLoads = loads.get(gridId)!;
      for (const line of session.lines) lineLoads[line] = lineLoads[line]! + limitsDa[i]!;
    }
  });
  return input.grids.map(({ id }) => {
    const [l1, l2, l3] = loads.get(id)!.map(toAmperes) as [number, number, number];
    return { gridId: id, phaseLoads: [l1, l2, l3] };
  });
}
