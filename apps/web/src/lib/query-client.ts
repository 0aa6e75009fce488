import { QueryCache, QueryClient } from "@tanstack/react-query";
import { meQueryKey } from "../features/auth/me.query";
import { ApiError } from "./api-client";

/** When the session ends under us (401 on any query), forget Me and go to the login page. */
export function createAppQueryClient(onSessionLost: () => void): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== meQueryKey[0]) {
          queryClient.setQueryData(meQueryKey, null);
          onSessionLost();
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
