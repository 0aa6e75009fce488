import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DashboardInterval, DashboardView } from "@voltlane/contracts";
import { api, queryString } from "../../lib/api-client";

/** Dates arrive as ISO strings over JSON. */
export type Dashboard = Omit<DashboardView, "from" | "to"> & { from: string; to: string };
export type { DashboardInterval };

export interface DashboardParams {
  customerId?: string;
  from?: string;
  to?: string;
  interval: DashboardInterval;
}

/** The station overview is live: refetch about every 15 s while the tab is open. */
export function useDashboard(params: DashboardParams, options: { live?: boolean } = {}) {
  return useQuery({
    queryKey: ["dashboard", params],
    queryFn: () => api<Dashboard>("GET", `/dashboard${queryString({ ...params })}`),
    placeholderData: keepPreviousData,
    refetchInterval: options.live ? 15_000 : false,
  });
}

/** The start of a range ending now, in the browser's time zone (the server buckets in the provider's). */
export function rangeFor(interval: DashboardInterval, now = new Date()): { from: string; to: string } {
  const from = new Date(now);
  if (interval === "day") from.setDate(from.getDate() - 29);
  if (interval === "week") from.setDate(from.getDate() - 7 * 11);
  if (interval === "month") from.setMonth(from.getMonth() - 11, 1);
  from.setHours(0, 0, 0, 0);
  return { from: from.toISOString(), to: now.toISOString() };
}

/** This calendar month so far, for Overview. */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), 1);
  return { from: from.toISOString(), to: now.toISOString() };
}
