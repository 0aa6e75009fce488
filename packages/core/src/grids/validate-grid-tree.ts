import type { GridLimitSource } from "./effective-limit";
import { isValidTimeOfUse } from "./time-of-use";

export type GridTreeIssueCode =
  | "duplicate_id"
  | "unknown_parent"
  | "cycle"
  | "exceeds_parent"
  | "invalid_limit"
  | "invalid_time_of_use";

export interface GridTreeIssue {
  gridId: string;
  code: GridTreeIssueCode;
}

/** Everything wrong with a grid tree (R24), in input order; an empty list means the tree is valid. */
export function validateGridTree(grids: readonly GridLimitSource[]): GridTreeIssue[] {
  const byId = new Map<string, GridLimitSource>();
  const issues: GridTreeIssue[] = [];
  for (const grid of grids) {
    if (byId.has(grid.id)) issues.push({ gridId: grid.id, code: "duplicate_id" });
    else byId.set(grid.id, grid);
  }
  for (const grid of grids) {
    for (const code of gridIssues(grid, byId)) issues.push({ gridId: grid.id, code });
  }
  return issues;
}

function gridIssues(grid: GridLimitSource, byId: ReadonlyMap<string, GridLimitSource>): GridTreeIssueCode[] {
  const codes: GridTreeIssueCode[] = [];
  if (!Number.isFinite(grid.maxCurrentA) || grid.maxCurrentA < 0) codes.push("invalid_limit");
  if (!(grid.timeOfUseLimits ?? []).every(isValidTimeOfUse)) codes.push("invalid_time_of_use");
  if (grid.parentId === null) return codes;
  const parent = byId.get(grid.parentId);
  if (!parent) return [...codes, "unknown_parent"];
  if (isOnCycle(grid, byId)) codes.push("cycle");
  // R24: a grid's limit ≤ its parent's.
  if (grid.maxCurrentA > parent.maxCurrentA) codes.push("exceeds_parent");
  return codes;
}

/** Walks up at most `byId.size` steps; coming back to `grid` means it sits on a cycle. */
function isOnCycle(grid: GridLimitSource, byId: ReadonlyMap<string, GridLimitSource>): boolean {
  let node = grid.parentId === null ? undefined : byId.get(grid.parentId);
  for (let steps = 0; node && steps < byId.size; steps++) {
    if (node.id === grid.id) return true;
    node = node.parentId === null ? undefined : byId.get(node.parentId);
  }
  return false;
}
