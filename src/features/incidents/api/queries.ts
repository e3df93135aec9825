import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";
import { parseFiscalYear } from "@/lib/url-params";
import type { TQueryOf } from "@/shared/contract";
import { ZId } from "@/shared/schemas/common";
import { ZIncidentCategory, ZIncidentStatus } from "@/shared/schemas/incident";

/** Filters the incident list understands; absent keys mean "all". */
export type TIncidentFilters = Pick<
  NonNullable<TQueryOf<"listIncidents">>,
  "caseId" | "vendorId" | "category" | "status" | "fiscalYear"
>;

/**
 * URL query keys of the list's filters: short words a person can read and type in a link, and `caseId`,
 * the name every page scoped to a case uses (docs/any-case.md), so a case's link opens its incidents.
 */
export const FILTER_KEYS = ["caseId", "vendor", "category", "year", "status"] as const;

/**
 * Reads the filters from the address. A value that the API would reject (an unknown category, a
 * mistyped year) is ignored rather than turned into an error page: the link still opens the list.
 */
export const parseFilters = (params: URLSearchParams): TIncidentFilters => {
  const filters: TIncidentFilters = {};
  const caseId = ZId.safeParse(params.get("caseId"));
  if (caseId.success) filters.caseId = caseId.data;
  const vendor = ZId.safeParse(params.get("vendor"));
  if (vendor.success) filters.vendorId = vendor.data;
  const category = ZIncidentCategory.safeParse(params.get("category"));
  if (category.success) filters.category = category.data;
  const status = ZIncidentStatus.safeParse(params.get("status"));
  if (status.success) filters.status = status.data;
  const year = parseFiscalYear(params.get("year"));
  if (year !== undefined) filters.fiscalYear = year;
  return filters;
};

// The record is small, but a vendor's history grows every year: ask for a page larger than any year holds.

/*
 * One factory for every request the incidents feature makes. Keys run from general to specific, so
 * invalidating ["incidents"] refreshes the list and every incident page.
 */
export const incidentQueries = {
  all: () => ["incidents"] as const,
  list: (filters: TIncidentFilters) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "list", filters] as const,
      queryFn: ({ signal }) => apiGetAll("listIncidents", { query: { ...filters }, signal }),
    }),
  detail: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId] as const,
      queryFn: ({ signal }) => apiGet("getIncident", { params: { incidentId }, signal }),
    }),
  /** Every case (open and closed), for the list's case column and filter and the form's choice. */
  cases: () =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "cases"] as const,
      queryFn: ({ signal }) => apiGetAll("listCases", { signal }),
    }),
  /** The incident's own totals per unit and population, as the API derives them (outside figures apart). */
  affected: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "affected"] as const,
      queryFn: ({ signal }) => apiGet("getAffectedStats", { query: { incidentId }, signal }),
    }),
  intervals: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "intervals"] as const,
      queryFn: ({ signal }) => apiGet("getIntervalStats", { query: { incidentId }, signal }),
    }),
  cohorts: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "cohorts"] as const,
      queryFn: ({ signal }) => apiGetAll("listCohorts", { query: { incidentId }, signal }),
    }),
  remediation: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "remediation"] as const,
      queryFn: ({ signal }) => apiGet("getRemediationStats", { query: { incidentId }, signal }),
    }),
  commitments: (incidentId: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "detail", incidentId, "commitments"] as const,
      queryFn: ({ signal }) => apiGetAll("listCommitments", { query: { incidentId }, signal }),
    }),
  meetings: () =>
    queryOptions({
      queryKey: [...incidentQueries.all(), "meetings"] as const,
      queryFn: ({ signal }) => apiGetAll("listMeetings", { signal }),
    }),
};

/*
 * Writes. A change to an incident moves figures everywhere (overview, scorecards, the vendor's page), which
 * is why a success refreshes every query (src/lib/query-client.ts), not only this feature's.
 */
export const incidentMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...incidentQueries.all(), "create"] as const,
      mutationFn: (body: TBodyOf<"createIncident">) => apiSend("createIncident", { body }),
    }),
  update: () =>
    mutationOptions({
      mutationKey: [...incidentQueries.all(), "update"] as const,
      mutationFn: ({ incidentId, body }: { incidentId: string; body: TBodyOf<"updateIncident"> }) =>
        apiSend("updateIncident", { params: { incidentId }, body }),
    }),
};

/* Remediation writes: a cohort and its dated progress. A success refreshes every query, as every write does
 * (the overview's remediation figures, the vendor scorecard and this page all move with it). */
export const cohortMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...incidentQueries.all(), "cohort", "create"] as const,
      mutationFn: (body: TBodyOf<"createCohort">) => apiSend("createCohort", { body }),
    }),
  update: () =>
    mutationOptions({
      mutationKey: [...incidentQueries.all(), "cohort", "update"] as const,
      mutationFn: ({ cohortId, body }: { cohortId: string; body: TBodyOf<"updateCohort"> }) =>
        apiSend("updateCohort", { params: { cohortId }, body }),
    }),
  addProgress: () =>
    mutationOptions({
      mutationKey: [...incidentQueries.all(), "cohort", "progress", "add"] as const,
      mutationFn: ({ cohortId, body }: { cohortId: string; body: TBodyOf<"addProgressEvent"> }) =>
        apiSend("addProgressEvent", { params: { cohortId }, body }),
    }),
  updateProgress: () =>
    mutationOptions({
      mutationKey: [...incidentQueries.all(), "cohort", "progress", "update"] as const,
      mutationFn: ({
        cohortId,
        eventId,
        body,
      }: {
        cohortId: string;
        eventId: string;
        body: TBodyOf<"updateProgressEvent">;
      }) => apiSend("updateProgressEvent", { params: { cohortId, eventId }, body }),
    }),
};
