import { keepPreviousData, useQuery } from "@tanstack/react-query";
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

/** One object by id under the same resource key. */
export function useDetail<T>(resource: string, id: string, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: [resource, "detail", id],
    queryFn: () => api<T>("GET", `/${resource}/${encodeURIComponent(id)}`),
    refetchInterval,
  });
}
