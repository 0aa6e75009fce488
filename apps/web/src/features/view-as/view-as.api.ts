import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api-client";
import { meQueryKey } from "../auth/me.query";
import type { Me } from "../auth/me.types";

/**
 * View as customer (R7): the server answers with the new Me, which switches the whole app's view.
 * Cached data belongs to the other view, so it is dropped.
 */
function useSwitchView<V>(request: (variables: V) => Promise<Me>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useStartViewAs() {
  return useSwitchView((customerId: string) => api<Me>("POST", "/view-as", { customerId }));
}

export function useStopViewAs() {
  return useSwitchView((_: undefined) => api<Me>("DELETE", "/view-as"));
}
