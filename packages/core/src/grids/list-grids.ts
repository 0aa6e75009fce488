import type { GridView } from "@voltlane/contracts";
import type { Principal } from "../auth/principal";
import { notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { canSeeGrid, visibleGridIds } from "./grid-access";
import { loadGridMembers, loadGridTree, toGridView } from "./grid-records";

/** The grids the principal may see (R4), by name; grid trees are small, so no paging in the query. */
export async function listGrids(deps: CoreDeps, p: Principal) {
  const visible = await visibleGridIds(deps.db, p);
  const tree = (await loadGridTree(deps.db, p.providerId)).filter((g) => canSeeGrid(visible, g.id));
  const { members, rejecting } = await loadGridMembers(
    deps.db,
    p.providerId,
    tree.map((g) => g.id),
  );
  const items = tree.map((g) => toGridView(g, members.get(g.id) ?? [], rejecting));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

export async function getGrid(deps: CoreDeps, p: Principal, id: string): Promise<GridView> {
  const visible = await visibleGridIds(deps.db, p);
  const grid = canSeeGrid(visible, id)
    ? (await loadGridTree(deps.db, p.providerId)).find((g) => g.id === id)
    : undefined;
  if (!grid) throw notFound("grid");
  const { members, rejecting } = await loadGridMembers(deps.db, p.providerId, [id]);
  return toGridView(grid, members.get(id) ?? [], rejecting);
}
