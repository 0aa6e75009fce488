import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ChargeCardDto } from "@voltlane/contracts";
import { api, type Page, queryString } from "../../lib/api-client";

export type ChargeCard = ChargeCardDto;

export function useChargeCards(customerId?: string) {
  return useQuery({
    queryKey: ["charge-cards", customerId ?? "own"],
    queryFn: () => api<Page<ChargeCard>>("GET", `/charge-cards${queryString({ customerId, pageSize: 500 })}`),
  });
}

/** One mutation hook per card action; each refreshes the card lists. */
export function useCardAction<I>(run: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["charge-cards"] }),
  });
}

const path = (id: string, action = "") => `/charge-cards/${encodeURIComponent(id)}${action}`;

export const cardActions = {
  claim: (externalId: string) => api<ChargeCard>("POST", "/charge-cards/claim", { externalId }),
  setRoaming: ({ id, roaming }: { id: string; roaming: boolean }) =>
    api<ChargeCard>("PATCH", path(id), { roaming }),
  block: ({ id, reason }: { id: string; reason: string }) =>
    api<ChargeCard>("POST", path(id, "/block"), { reason }),
  attach: ({ id, customerId }: { id: string; customerId: string }) =>
    api<ChargeCard>("POST", path(id, "/attach"), { customerId }),
};
