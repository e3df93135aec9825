import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import { referenceQueries } from "@/lib/reference-queries";
import { parseScope as parseScopeOf, statsQuery, type TOverviewScope as TScope } from "@/shared/first-screen";
import { CHART_BARS, PORTFOLIO_LINES } from "@/shared/overview-limits";
import { isIsoDate } from "@/shared/values";

/** The overview's scope, as the first screen's shared list of requests reads it from the address. */
export type TOverviewScope = TScope;
export const parseScope = parseScopeOf;

/** The address's keys for the scope: short words a person can read and type in a link. */
export const SCOPE_KEYS = ["case", "status", "vendor", "year", "asOf"] as const;

/** Whether the address fixes the day (then the page says it shows the record as it stood that day). */
export const asOfInAddress = (params: URLSearchParams) => isIsoDate(params.get("asOf"));

/** The address of the overview in a scope (the day kept only when it was fixed). */
export const scopeSearch = (scope: Partial<TOverviewScope>, keepAsOf: boolean) => {
  const params = new URLSearchParams();
  if (scope.caseId) params.set("case", scope.caseId);
  if (scope.caseStatus && scope.caseStatus !== "open") params.set("status", scope.caseStatus);
  if (scope.vendorId) params.set("vendor", scope.vendorId);
  if (scope.fiscalYear !== undefined) params.set("year", String(scope.fiscalYear));
  if (keepAsOf && scope.asOf) params.set("asOf", scope.asOf);
  const text = params.toString();
  return text ? `?${text}` : "";
};

/*
 * One factory for every request the overview makes. Keys run from general to specific; every figure's key
 * carries the whole scope (the day included), so the figures of one view agree to the day and a changed
 * scope never shows another scope's cached answer.
 */
export const overviewQueries = {
  all: () => ["overview"] as const,
  headline: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "headline", statsQuery(scope)] as const,
      // The case lines it shows; `cases.total` counts the rest.
      queryFn: ({ signal }) =>
        apiGet("getOverview", {
          query: { ...statsQuery(scope), lines: PORTFOLIO_LINES, incidents: CHART_BARS },
          signal,
        }),
    }),
  commitmentStats: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "commitment-stats", statsQuery(scope)] as const,
      queryFn: ({ signal }) => apiGet("getCommitmentStats", { query: statsQuery(scope), signal }),
    }),
  affected: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "affected", statsQuery(scope)] as const,
      // The incidents its charts draw (the first CHART_BARS of each figure), and how many there are.
      queryFn: ({ signal }) =>
        apiGet("getAffectedStats", { query: { ...statsQuery(scope), incidents: CHART_BARS }, signal }),
    }),
  /** Every incident in scope: asked for only when the reader opens the whole list. */
  affectedAll: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "affected", statsQuery(scope), "all"] as const,
      queryFn: ({ signal }) => apiGet("getAffectedStats", { query: statsQuery(scope), signal }),
    }),
  /** The groups the remediation charts draw (the first CHART_BARS of each purpose), counts and names. */
  remediation: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "remediation", statsQuery(scope)] as const,
      queryFn: ({ signal }) =>
        apiGet("getRemediationStats", { query: { ...statsQuery(scope), groups: CHART_BARS }, signal }),
    }),
  /** Every group in scope: asked for only when the reader opens the whole list. */
  remediationAll: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "remediation", statsQuery(scope), "all"] as const,
      queryFn: ({ signal }) => apiGet("getRemediationStats", { query: statsQuery(scope), signal }),
    }),
  remediationTimeline: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "remediation-timeline", statsQuery(scope)] as const,
      // Per day: what the chart draws, however many reports the record holds.
      queryFn: ({ signal }) =>
        apiGet("getRemediationTimeline", { query: { ...statsQuery(scope), per: "day" }, signal }),
    }),
  /** Every case's course (milestones, steps, spans) in one answer. */
  intervals: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "intervals", statsQuery(scope)] as const,
      queryFn: ({ signal }) => apiGet("getIntervalStats", { query: statsQuery(scope), signal }),
    }),
  /** The course of the latest cases in scope, bounded by what the overview shows (one request). */
  caseTimeline: (scope: TOverviewScope) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "case-timeline", statsQuery(scope)] as const,
      queryFn: ({ signal }) => apiGet("getCaseTimeline", { query: statsQuery(scope), signal }),
    }),
  /** The scope bar's choices: every case, whatever its status. */
  cases: () => referenceQueries.cases(),
  /**
   * The scope bar's 年度 choices: the years that have an incident, in one small answer (every incident
   * was read for them before: 137 KB at a hundred times the record).
   */
  incidentYears: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "incident-years"] as const,
      queryFn: ({ signal }) => apiGet("getFiscalYears", { signal }),
      select: (answer) => answer.years.map((fiscalYear) => ({ fiscalYear })),
    }),
};
