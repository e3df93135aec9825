import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiSend, type TBodyOf } from "@/lib/api-client";

// The template lists every cohort; the record has a handful, one page holds them all.
const ALL = { limit: 500 } as const;

export const importQueries = {
  all: () => ["imports"] as const,
  /** The cohorts a file may name: the template's rows and the preview's labels. */
  cohorts: () =>
    queryOptions({
      queryKey: [...importQueries.all(), "cohorts"] as const,
      queryFn: ({ signal }) => apiGet("listCohorts", { query: ALL, signal }),
    }),
};

export const importMutations = {
  progress: () =>
    mutationOptions({
      mutationKey: [...importQueries.all(), "progress"] as const,
      mutationFn: (body: TBodyOf<"importProgress">) => apiSend("importProgress", { body }),
    }),
};
