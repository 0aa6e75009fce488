import { gridLoadSamples } from "@voltlane/db";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { canSeeGrid, visibleGridIds } from "./grid-access";
import { amps, ampsOrNull, loadGridTree } from "./grid-records";

const DEFAULT_WINDOW_MS = 24 * 3_600_000;
const MAX_SAMPLES = 10_000;

/** Load vs limit of one grid between `from` and `to` (default: the last 24 hours), oldest first. */
export async function getGridLoad(
  deps: CoreDeps,
  p: Principal,
  gridId: string,
  range: { from?: string; to?: string },
) {
  const visible = await visibleGridIds(deps.db, p);
  const exists = (await loadGridTree(deps.db, p.providerId)).some((g) => g.id === gridId);
  if (!exists || !canSeeGrid(visible, gridId)) throw notFound("grid");
  const to = range.to ? new Date(range.to) : deps.clock.now();
  const from = range.from ? new Date(range.from) : new Date(to.getTime() - DEFAULT_WINDOW_MS);
  const rows = await deps.db
    .select()
    .from(gridLoadSamples)
    .where(
      and(
        eq(gridLoadSamples.providerId, p.providerId),
        eq(gridLoadSamples.gridId, gridId),
        gte(gridLoadSamples.at, from),
        lte(gridLoadSamples.at, to),
      ),
    )
    .orderBy(asc(gridLoadSamples.at))
    .limit(MAX_SAMPLES);
  return {
    gridId,
    items: rows.map((r) => ({
      at: r.at.toISOString(),
      phaseLoads: [amps(r.allocatedL1A), amps(r.allocatedL2A), amps(r.allocatedL3A)] as [
        number,
        number,
        number,
      ],
      measuredA: ampsOrNull(r.measuredA),
      limitA: amps(r.limitA),
      sessions: r.sessions,
    })),
  };
}
