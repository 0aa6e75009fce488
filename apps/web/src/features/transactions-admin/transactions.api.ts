import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TransactionView } from "@voltlane/contracts";
import { API_BASE, api, type Page, queryString } from "../../lib/api-client";
import type { Json } from "../../routes/system/shared/api-types";

export type Transaction = Json<TransactionView>;

export interface TransactionFilters {
  from?: string;
  to?: string;
  customerId?: string;
  chargePointId?: string;
  status?: "active" | "completed" | "invalid";
  /** `?sort=&order=` (TransactionListQuery's sort fields). */
  sort?: string;
  order?: "asc" | "desc";
}

export const transactionKeys = {
  all: ["transactions"] as const,
  list: (filters: TransactionFilters, page: number, pageSize: number) =>
    ["transactions", "list", filters, page, pageSize] as const,
};

export function useTransactions(filters: TransactionFilters, page: number, pageSize = 50, live = false) {
  return useQuery({
    queryKey: transactionKeys.list(filters, page, pageSize),
    queryFn: () =>
      api<Page<Transaction>>("GET", `/transactions${queryString({ ...filters, page, pageSize })}`),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 10_000 : false,
  });
}

/** The same filters and sort as the list, as the server's CSV or XLSX export (all pages). */
export function transactionsCsvUrl(filters: TransactionFilters, format: "csv" | "xlsx" = "csv"): string {
  return `${API_BASE}/transactions${queryString({ ...filters, format, pageSize: 500 })}`;
}

export const transactionApi = {
  overrideBillable: (id: string, billable: boolean, reason: string) =>
    api<Transaction>("POST", `/transactions/${encodeURIComponent(id)}/billable`, { billable, reason }),
};

/** Sums completed sessions' energy per UTC day over the last `days` days, oldest first, zero-filled. */
export function energyPerDay(
  rows: Pick<Transaction, "startedAt" | "stoppedAt" | "energyWh">[],
  days: number,
  now: Date,
) {
  const totals = new Map<string, number>();
  for (let i = days - 1; i >= 0; i--)
    totals.set(new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10), 0);
  for (const row of rows) {
    const day = (row.stoppedAt ?? row.startedAt).slice(0, 10);
    if (totals.has(day)) totals.set(day, (totals.get(day) ?? 0) + row.energyWh);
  }
  return [...totals].map(([day, wh]) => ({ day, kWh: wh / 1000 }));
}
