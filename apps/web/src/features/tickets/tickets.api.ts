import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OpenTicketInput, Ticket, TicketPage, UpdateTicketInput } from "@voltlane/contracts";
import { api, queryString } from "../../lib/api-client";

export type { Ticket, TicketPage };

export function useTickets(params: {
  customerId?: string;
  status?: string;
  page: number;
  pageSize: number;
  sort?: string;
  order?: "asc" | "desc";
}) {
  return useQuery({
    queryKey: ["tickets", params],
    queryFn: () => api<TicketPage>("GET", `/tickets${queryString({ ...params })}`),
    placeholderData: keepPreviousData,
  });
}

export function useTicket(id: string | null) {
  return useQuery({
    queryKey: ["tickets", "detail", id],
    queryFn: () => api<Ticket>("GET", `/tickets/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
  });
}

function useTicketMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tickets"] }),
  });
}

const path = (id: string) => `/tickets/${encodeURIComponent(id)}`;

export const useOpenTicket = () =>
  useTicketMutation((input: OpenTicketInput) => api<{ id: string }>("POST", "/tickets", input));
export const useReply = (id: string) =>
  useTicketMutation((input: { body: string; internal?: boolean }) =>
    api("POST", `${path(id)}/messages`, input),
  );
export const useUpdateTicket = (id: string) =>
  useTicketMutation((input: UpdateTicketInput) => api<Ticket>("PATCH", path(id), input));
