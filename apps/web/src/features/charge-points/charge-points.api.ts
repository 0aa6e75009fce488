import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  ChargePointDto,
  CreateChargePointInput,
  ocppMessagePageSchema,
  UpdateChargePointInput,
} from "@voltlane/contracts";
import type { z } from "zod";
import { api, type Page, queryString } from "../../lib/api-client";

export type ChargePoint = ChargePointDto;
export type Connector = ChargePoint["connectors"][number];
export type OcppMessage = Omit<z.infer<typeof ocppMessagePageSchema>["items"][number], "at"> & { at: string };

/** Live status: lists and the detail page poll every ~10 s. */
export const LIVE_REFRESH_MS = 10_000;

export interface ChargePointListParams {
  page: number;
  pageSize: number;
  q?: string;
  status?: "inactive" | "active" | "retired";
  online?: "true" | "false";
  sort?: string;
  order?: "asc" | "desc";
}

export const chargePointKeys = {
  all: ["charge-points"] as const,
  list: (params: ChargePointListParams) => ["charge-points", "list", params] as const,
  detail: (id: string) => ["charge-points", "detail", id] as const,
  messages: (id: string, page: number) => ["charge-points", "detail", id, "messages", page] as const,
};

const path = (id: string) => `/charge-points/${encodeURIComponent(id)}`;

export function useChargePoints(params: ChargePointListParams) {
  return useQuery({
    queryKey: chargePointKeys.list(params),
    queryFn: () => api<Page<ChargePoint>>("GET", `/charge-points${queryString({ ...params })}`),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useChargePoint(id: string) {
  return useQuery({
    queryKey: chargePointKeys.detail(id),
    queryFn: () => api<ChargePoint>("GET", path(id)),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useOcppMessages(id: string, page: number) {
  return useQuery({
    queryKey: chargePointKeys.messages(id, page),
    queryFn: () =>
      api<Page<OcppMessage>>("GET", `${path(id)}/messages${queryString({ page, pageSize: 50 })}`),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export const chargePointApi = {
  create: (input: CreateChargePointInput) => api<ChargePoint>("POST", "/charge-points", input),
  update: (id: string, input: UpdateChargePointInput) => api<ChargePoint>("PATCH", path(id), input),
  lifecycle: (id: string, action: "activate" | "deactivate" | "retire") =>
    api<ChargePoint>("POST", `${path(id)}/${action}`),
  command: (id: string, type: string, params: Record<string, unknown>, timeoutSeconds = 30) =>
    api<{ result: unknown }>("POST", `${path(id)}/commands`, { type, params, timeoutSeconds }),
};
