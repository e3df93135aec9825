import { queryOptions } from "@tanstack/react-query";
import { apiGet, apiGetAll } from "./api-client";

/*
 * Reference data every view needs to name things (vendors, services, documents, cases, the organisation).
 * They live here rather than in one feature because features may not import each other.
 */

export const referenceQueries = {
  all: () => ["reference"] as const,
  organisation: () =>
    queryOptions({
      queryKey: [...referenceQueries.all(), "organisation"] as const,
      queryFn: ({ signal }) => apiGet("getOrganisation", { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  vendors: () =>
    queryOptions({
      queryKey: [...referenceQueries.all(), "vendors"] as const,
      queryFn: ({ signal }) => apiGetAll("listVendors", { signal }),
      staleTime: 5 * 60_000,
    }),
  services: () =>
    queryOptions({
      queryKey: [...referenceQueries.all(), "services"] as const,
      queryFn: ({ signal }) => apiGetAll("listServices", { signal }),
      staleTime: 5 * 60_000,
    }),
  /** Every case (open and closed), in the order they were added: names for `caseId`s, choices in forms. */
  cases: () =>
    queryOptions({
      queryKey: [...referenceQueries.all(), "cases"] as const,
      queryFn: ({ signal }) => apiGetAll("listCases", { signal }),
      staleTime: 5 * 60_000,
    }),
  documents: () =>
    queryOptions({
      queryKey: [...referenceQueries.all(), "documents"] as const,
      queryFn: ({ signal }) => apiGetAll("listDocuments", { signal }),
      staleTime: 5 * 60_000,
    }),
};
