import { api, type Page, queryString } from "../lib/api-client";

/** The most rows an export fetches into the browser; beyond it the file says so and stops. */
export const EXPORT_ROW_CAP = 20_000;
const EXPORT_PAGE_SIZE = 500;

export type AllRows<T> = { rows: T[]; total: number; capped: boolean };

/** Every row of a list for the current filter and sort, page by page (500 each), up to `cap` rows. */
export async function fetchAllRows<T>(
  loadPage: (page: number, pageSize: number) => Promise<Page<T>>,
  cap = EXPORT_ROW_CAP,
): Promise<AllRows<T>> {
  const rows: T[] = [];
  let total = 0;
  for (let page = 1; rows.length < cap; page++) {
    const result = await loadPage(page, EXPORT_PAGE_SIZE);
    total = result.total;
    rows.push(...result.items);
    if (result.items.length < EXPORT_PAGE_SIZE) return { rows, total, capped: false };
  }
  return { rows: rows.slice(0, cap), total: Math.max(total, rows.length), capped: true };
}

type Params = Record<string, string | number | undefined | null>;

/** `fetchAllRows` over a list endpoint with the list's own filter and sort (its page params replaced). */
export function allRowsOf<T>(resource: string, params: Params): () => Promise<AllRows<T>> {
  return () =>
    fetchAllRows((page, pageSize) =>
      api<Page<T>>("GET", `/${resource}${queryString({ ...params, page, pageSize })}`),
    );
}
