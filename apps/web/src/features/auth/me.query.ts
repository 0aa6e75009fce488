import { queryOptions, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../lib/api-client";
import type { Me } from "./me.types";

export const meQueryKey = ["me"] as const;

/** The logged-in user, or null when there is no session (401). */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api<Me>("GET", "/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

/** For screens behind the login guard: the router has already loaded a non-null Me. */
export function useMe(): Me {
  const { data } = useSuspenseQuery(meQuery);
  if (!data) throw new Error("useMe used outside the authenticated area");
  return data;
}

export function useSetMe() {
  const queryClient = useQueryClient();
  return (me: Me | null) => queryClient.setQueryData(meQueryKey, me);
}
