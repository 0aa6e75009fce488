import { type Db, gridLoadSamples } from "@voltlane/db";
import type { GridPlan } from "./plan-allocation";

/** One history row per grid per job run: allocated load per line vs effective limit (GET /grids/{id}/load). */
export async function recordLoadSamples(
  db: Db,
  providerId: string,
  grids: readonly GridPlan[],
  at: Date,
): Promise<void> {
  if (grids.length === 0) return;
  await db.insert(gridLoadSamples).values(
    grids.map((g) => ({
      providerId,
      gridId: g.gridId,
      at,
      allocatedL1A: String(g.phaseLoads[0]),
      allocatedL2A: String(g.phaseLoads[1]),
      allocatedL3A: String(g.phaseLoads[2]),
      measuredA: g.measuredA === null ? null : String(g.measuredA),
      limitA: String(g.limitA),
      sessions: g.sessions,
    })),
  );
}
