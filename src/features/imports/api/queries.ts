import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiSend, type TBodyOf } from "@/lib/api-client";

// The template lists a vendor's groups; the record has a few dozen at most, one page holds them all.
const ALL = { limit: 500 } as const;

export const importQueries = {
  all: () => ["imports"] as const,
  /** The cohorts a file may name: the template's rows and the preview's labels. */
  cohorts: () =>
    queryOptions({
      queryKey: [...importQueries.all(), "cohorts"] as const,
      queryFn: ({ signal }) => apiGet("listCohorts", { query: ALL, signal }),
    }),
  /**
   * The incidents a vendor answers for or is on the chain of (as contractor or subcontractor): the groups
   * of these incidents are the ones its template lists.
   */
  vendorIncidents: (vendorId: string) =>
    queryOptions({
      queryKey: [...importQueries.all(), "vendor-incidents", vendorId] as const,
      queryFn: ({ signal }) => apiGet("listIncidents", { query: { vendorId, ...ALL }, signal }),
    }),
};

export const importMutations = {
  progress: () =>
    mutationOptions({
      mutationKey: [...importQueries.all(), "progress"] as const,
      mutationFn: (body: TBodyOf<"importProgress">) => apiSend("importProgress", { body }),
    }),
};
