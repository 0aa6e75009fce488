import type { GridAllocationView } from "@voltlane/contracts";
import type { Principal } from "../auth/principal";
import { notFound } from "../errors/app-error";
import { canSeeGrid, visibleGridIds } from "../grids/grid-access";
import type { CoreDeps } from "../platform/deps";
import { loadSmartChargingState } from "./load-smart-charging-state";
import { planAllocation } from "./plan-allocation";

/**
 * The live allocation of a grid and everything beneath it: per connector the limit it should have now,
 * the measured draw, whether it is paused, and what was last sent and answered.
 */
export async function getGridAllocation(
  deps: CoreDeps,
  p: Principal,
  gridId: string,
): Promise<GridAllocationView> {
  const visible = await visibleGridIds(deps.db, p);
  const now = deps.clock.now();
  const state = await loadSmartChargingState(deps.db, p.providerId, now);
  if (!canSeeGrid(visible, gridId) || !state.grids.some((g) => g.id === gridId)) throw notFound("grid");
  const plan = planAllocation(state, now);
  const subtree = subtreeOf(state.grids, gridId);
  const sent = new Map(state.profiles.map((s) => [`${s.chargePointId}#${s.connectorId}`, s]));
  const connectors = plan.connectors
    .filter(({ session }) => subtree.has(session.gridId))
    .map(({ session, limitA, paused }) => {
      const last = sent.get(`${session.chargePointId}#${session.connectorId}`);
      return {
        chargePointId: session.chargePointId,
        connectorId: session.connectorId,
        transactionId: session.ocppTransactionId,
        gridId: session.gridId,
        limitA,
        measuredA: session.measuredA,
        paused,
        sentLimitA: last?.limitA == null ? null : Number(last.limitA),
        profileStatus: last?.status ?? null,
        rejectsProfiles: session.rejectsProfiles,
      };
    })
    .sort((a, b) => a.chargePointId.localeCompare(b.chargePointId) || a.connectorId - b.connectorId);
  const own = plan.grids.find((g) => g.gridId === gridId)!;
  return { gridId, at: now.toISOString(), limitA: own.limitA, phaseLoads: own.phaseLoads, connectors };
}

function subtreeOf(grids: readonly { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const result = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of grids) {
      if (g.parentId && result.has(g.parentId) && !result.has(g.id)) {
        result.add(g.id);
        grew = true;
      }
    }
  }
  return result;
}
