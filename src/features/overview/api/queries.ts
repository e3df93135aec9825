import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

// The record is small, but a vendor's history grows every year: ask for a page larger than any year holds.
const PAGE = { limit: 500 } as const;

/*
 * One factory for every request the overview makes. Keys run from general to specific; the headline
 * queries carry `asOf` so that "open" and "overdue" agree to the day across the page.
 */
export const overviewQueries = {
  all: () => ["overview"] as const,
  headline: (asOf: string) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "headline", { asOf }] as const,
      queryFn: ({ signal }) => apiGet("getOverview", { query: { asOf }, signal }),
    }),
  commitmentStats: (asOf: string) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "commitment-stats", { asOf }] as const,
      queryFn: ({ signal }) => apiGet("getCommitmentStats", { query: { asOf }, signal }),
    }),
  affected: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "affected"] as const,
      queryFn: ({ signal }) => apiGet("getAffectedStats", { query: {}, signal }),
    }),
  remediation: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "remediation"] as const,
      queryFn: ({ signal }) => apiGet("getRemediationStats", { query: {}, signal }),
    }),
  remediationTimeline: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "remediation-timeline"] as const,
      queryFn: ({ signal }) => apiGet("getRemediationTimeline", { query: {}, signal }),
    }),
  intervals: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "intervals"] as const,
      queryFn: ({ signal }) => apiGet("getIntervalStats", { query: {}, signal }),
    }),
  incidents: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "incidents"] as const,
      queryFn: ({ signal }) => apiGet("listIncidents", { query: PAGE, signal }),
    }),
  incident: (incidentId: string) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "incidents", incidentId] as const,
      queryFn: ({ signal }) => apiGet("getIncident", { params: { incidentId }, signal }),
    }),
};
