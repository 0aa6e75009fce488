import type { SortQuery } from "@voltlane/contracts";
import { type AnyColumn, asc, desc, type SQL } from "drizzle-orm";

/**
 * ORDER BY of a paged list: the requested field (whitelisted by the contract) then `id` in the same
 * direction, so equal values never swap between pages; without `sort`, the list's own default order.
 */
export function sortOrder<F extends string>(
  query: SortQuery<F>,
  columns: Record<F, AnyColumn | SQL>,
  id: AnyColumn,
  defaultOrder: SQL[],
): SQL[] {
  if (!query.sort) return defaultOrder;
  const direction = query.order === "desc" ? desc : asc;
  return [direction(columns[query.sort]), direction(id)];
}
