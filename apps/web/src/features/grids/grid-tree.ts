import type { GridView } from "@voltlane/contracts";

export interface GridNode {
  grid: GridView;
  depth: number;
}

/** Depth-first order of the grid tree, children under their parent; orphans (parent not visible) at the root. */
export function flattenGridTree(grids: GridView[]): GridNode[] {
  const ids = new Set(grids.map((g) => g.id));
  const children = new Map<string | null, GridView[]>();
  for (const grid of grids) {
    const parent = grid.parentId && ids.has(grid.parentId) ? grid.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), grid]);
  }
  const out: GridNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const grid of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ grid, depth });
      walk(grid.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
