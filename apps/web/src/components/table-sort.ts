/** The sort of a table: a column id (for a server-paged table, the API's `sort` field) and a direction. */
export type TableSort = { id: string; dir: "asc" | "desc" } | null;

/** A header click: ascending, then descending, then back to the list's own order. */
export function nextSort(prev: TableSort, id: string): TableSort {
  if (prev?.id !== id) return { id, dir: "asc" };
  return prev.dir === "asc" ? { id, dir: "desc" } : null;
}

/** `?sort=&order=` of a server-paged list (nothing when unsorted, so the API's default order holds). */
export function sortParams(sort: TableSort): { sort?: string; order?: "asc" | "desc" } {
  return sort ? { sort: sort.id, order: sort.dir } : {};
}

export function ariaSort(sort: TableSort, id: string): "ascending" | "descending" | undefined {
  if (sort?.id !== id) return undefined;
  return sort.dir === "asc" ? "ascending" : "descending";
}

type SortValue = string | number | null | undefined;

/** Client-side sort for tables that hold all their rows (no server paging); empty values last. */
export function sortRows<T>(rows: T[], value: ((row: T) => SortValue) | undefined, sort: TableSort): T[] {
  if (!sort || !value) return rows;
  const factor = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => compareValues(value(a), value(b), factor));
}

function compareValues(a: SortValue, b: SortValue, factor: number): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return factor * (a - b);
  return factor * String(a).localeCompare(String(b), undefined, { numeric: true });
}
