import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { allRowsOf } from "../../../components/fetch-all-rows";
import { sortParams, type TableSort } from "../../../components/table-sort";
import { api, type Page, queryString } from "../../../lib/api-client";

type Params = Record<string, string | number | undefined | null>;

/** One page of a back-office list; the query key starts with the resource name so mutations can refresh it. */
export function usePagedList<T>(resource: string, params: Params, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: [resource, "list", params],
    queryFn: () => api<Page<T>>("GET", `/${resource}${queryString(params)}`),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/**
 * The sort of a server-paged list (`?sort=&order=`; a new sort goes back to page 1) and the DataTable
 * props that go with it: controlled sort and an export of every row for the filter and sort.
 */
export function useListSort<T>(resource: string, backToFirstPage: () => void) {
  const [sort, setSort] = useState<TableSort>(null);
  const params = sortParams(sort);
  return {
    params,
    tableProps: (filters: Params) => ({
      sort,
      onSort: (next: TableSort) => {
        setSort(next);
        backToFirstPage();
      },
      exportAll: allRowsOf<T>(resource, { ...filters, ...params }),
    }),
  };
}

/** One object by id under the same resource key. */
export function useDetail<T>(resource: string, id: string, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: [resource, "detail", id],
    queryFn: () => api<T>("GET", `/${resource}/${encodeURIComponent(id)}`),
    refetchInterval,
  });
}
