import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TransactionView } from "@voltlane/contracts";
import { API_BASE, api, type Page, queryString } from "../../lib/api-client";

export type Session = Omit<TransactionView, "startedAt" | "stoppedAt"> & {
  startedAt: string;
  stoppedAt: string | null;
};

export interface SessionFilter {
  from?: string;
  to?: string;
  chargePointId?: string;
  status?: string;
  customerId?: string;
  /** `?sort=&order=` (TransactionListQuery's sort fields). */
  sort?: string;
  order?: "asc" | "desc";
}

/** Local calendar dates (yyyy-mm-dd) → an ISO window, `to` inclusive of its whole day. */
export function dateWindow(from: string, to: string): { from?: string; to?: string } {
  const start = from ? new Date(`${from}T00:00:00`) : undefined;
  const end = to ? new Date(`${to}T00:00:00`) : undefined;
  if (end) end.setDate(end.getDate() + 1);
  return { from: start?.toISOString(), to: end?.toISOString() };
}

export function useSessions(filter: SessionFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ["transactions", filter, page, pageSize],
    queryFn: () => api<Page<Session>>("GET", `/transactions${queryString({ ...filter, page, pageSize })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The server's CSV or XLSX export of every matching session in the list's sort (not only the page shown). */
export function sessionsCsvUrl(filter: SessionFilter, format: "csv" | "xlsx" = "csv"): string {
  return `${API_BASE}/transactions${queryString({ ...filter, format })}`;
}
