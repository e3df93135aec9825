import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

/** The record changes between meetings, not by the second: cache generously, never retry a 4xx. */
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
