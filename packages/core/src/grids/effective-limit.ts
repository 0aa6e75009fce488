import { toLocalWeekTime } from "./local-time";
import { isTimeOfUseActive, type TimeOfUseLimit } from "./time-of-use";

/** A limit set through the API (e.g. by an energy management system); gone once `expiresAt` passes. */
export interface ExternalLimit {
  maxCurrentA: number;
  expiresAt?: Date | null;
}

/** The limit-bearing fields of a Grid (per-phase amperes). */
export interface GridLimitSource {
  id: string;
  parentId: string | null;
  maxCurrentA: number;
  timeOfUseLimits?: readonly TimeOfUseLimit[];
  externalLimit?: ExternalLimit | null;
}

/**
 * R24: the effective limit of `grid` at `at` = min(own maxCurrentA, every time-of-use limit active at `at`
 * in the provider's `timeZone`, an unexpired external limit, the parent's effective limit).
 * Throws RangeError on an unknown parent or a cycle; `validateGridTree` reports those up front.
 */
export function effectiveLimitA(
  grid: GridLimitSource,
  tree: readonly GridLimitSource[],
  at: Date,
  timeZone: string,
): number {
  const byId = new Map(tree.map((g) => [g.id, g]));
  let limit = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  for (let node: GridLimitSource | undefined = grid; node; node = parentOf(node, byId)) {
    if (seen.has(node.id)) throw new RangeError(`grid ${node.id} is part of a cycle`);
    seen.add(node.id);
    limit = Math.min(limit, ownLimitA(node, at, timeZone));
  }
  return limit;
}

/** The grid's own limit at `at`, ignoring its ancestors. */
export function ownLimitA(grid: GridLimitSource, at: Date, timeZone: string): number {
  let limit = grid.maxCurrentA;
  const windows = grid.timeOfUseLimits ?? [];
  if (windows.length > 0) {
    const local = toLocalWeekTime(at, timeZone);
    for (const window of windows) {
      if (isTimeOfUseActive(window, local)) limit = Math.min(limit, window.maxCurrentA);
    }
  }
  const external = grid.externalLimit;
  if (external && (!external.expiresAt || at.getTime() < external.expiresAt.getTime())) {
    limit = Math.min(limit, external.maxCurrentA);
  }
  return limit;
}

function parentOf(grid: GridLimitSource, byId: ReadonlyMap<string, GridLimitSource>) {
  if (grid.parentId === null) return undefined;
  const parent = byId.get(grid.parentId);
  if (!parent) throw new RangeError(`grid ${grid.id} has unknown parent ${grid.parentId}`);
  return parent;
}
