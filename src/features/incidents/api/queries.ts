import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import type { TQueryOf } from "@/shared/contract";

/** Filters the incident list understands; absent keys mean "all". */
export type TIncidentFilters = Pick<
  NonNullable<TQueryOf<"listIncidents">>,
  "vendorId" | "category" | "status" | "fiscalYear"
>;

// The record is small, but a vendor's history grows every year: ask for a page larger than any year holds.
const PAGE = { limit: 500 } as const;

/*
 * One factory for every request the incidents feature makes. Keys run from general to specific, so
 * invalidating ["incidents"] refreshes the list and every incident page.
 */
export const incidentQueries = {
  all: () => ["incidents"] as const,
  list: (filters: TIncidentFilters) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "list", filters] as const,
      queryFn: ({ signal }) => apiGet("listIncidents", { query: { ...filters, ...PAGE }, signal }),
    }),
  detail: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId] as const,
      queryFn: ({ signal }) => apiGet("getIncident", { params: { incidentId }, signal }),
    }),
  intervals: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "intervals"] as const,
      queryFn: ({ signal }) => apiGet("getIntervalStats", { query: { incidentId }, signal }),
    }),
  cohorts: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "cohorts"] as const,
      queryFn: ({ signal }) => apiGet("listCohorts", { query: { incidentId, ...PAGE }, signal }),
    }),
  remediation: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "remediation"] as const,
      queryFn: ({ signal }) => apiGet("getRemediationStats", { query: { incidentId }, signal }),
    }),
  commitments: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "commitments"] as const,
      queryFn: ({ signal }) => apiGet("listCommitments", { query: { incidentId, ...PAGE }, signal }),
    }),
  meetings: () =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "meetings"] as const,
      queryFn: ({ signal }) => apiGet("listMeetings", { query: PAGE, signal }),
    }),
};
