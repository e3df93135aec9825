import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";

// The template lists every group of a vendor, however many pages they take.

export const importQueries = {
  all: () => ["imports"] as const,
  /** The cohorts a file may name: the template's rows and the preview's labels. */
  cohorts: () =>
    queryOptions({
      queryKey: [...importQueries.all(), "cohorts"] as const,
      queryFn: ({ signal }) => apiGetAll("listCohorts", { signal }),
    }),
  /**
   * The incidents a vendor answers for or is on the chain of (as contractor or subcontractor): the groups
   * of these incidents are the ones its template lists.
   */
  vendorIncidents: (vendorId: string) =>
    queryOptions({
      queryKey: [...importQueries.all(), "vendor-incidents", vendorId] as const,
      queryFn: ({ signal }) => apiGetAll("listIncidents", { query: { vendorId }, signal }),
    }),
};

export const importMutations = {
  progress: () =>
    mutationOptions({
      mutationKey: [...importQueries.all(), "progress"] as const,
      mutationFn: (body: TBodyOf<"importProgress">) => apiSend("importProgress", { body }),
    }),
};
