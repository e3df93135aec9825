import type { TEndpointName } from "./contract";
import { todayInTokyo } from "./dates";
import {
  CHART_BARS,
  DEADLINE_PANEL_ROWS,
  DUE_SOON_DAYS,
  LARGEST_PAGE,
  PORTFOLIO_LINES,
} from "./overview-limits";
import { isFiscalYear, isId, isIsoDate } from "./values";

/*
 * The first screen's requests, defined once: the server answers them inside the HTML it sends a
 * signed-in reader (src/server/boot.ts), the client starts them with the page's code (its route loader)
 * and its components ask for exactly these (src/features/overview/components/overview-page.test.tsx
 * proves the two lists agree). Only the overview ("/") has them; every other page asks for its own.
 */

/**
 * What the overview covers: a case (or the cases of a status, open ones by default), a vendor, a 年度,
 * and the day the record is read as of. Every request of the page is made for it.
 */
export type TOverviewScope = {
  caseId?: string;
  caseStatus: "open" | "closed" | "all";
  vendorId?: string;
  fiscalYear?: number;
  /** The day the figures are as of (today in Tokyo unless the address fixes one). */
  asOf: string;
};

const CASE_STATUSES = ["open", "closed", "all"] as const;

/**
 * Reads the scope from the address. A value the API would refuse (a mistyped year, an id with capitals)
 * is ignored rather than turned into an error page: the link still opens the overview.
 */
export const parseScope = (params: URLSearchParams, now: Date = new Date()): TOverviewScope => {
  const asOf = params.get("asOf");
  const scope: TOverviewScope = { caseStatus: "open", asOf: isIsoDate(asOf) ? asOf : todayInTokyo(now) };
  const caseId = params.get("case");
  if (isId(caseId)) scope.caseId = caseId;
  const status = params.get("status");
  const known = CASE_STATUSES.find((s) => s === status);
  if (known) scope.caseStatus = known;
  const vendorId = params.get("vendor");
  if (isId(vendorId)) scope.vendorId = vendorId;
  const raw = params.get("year");
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : null;
  if (isFiscalYear(year)) scope.fiscalYear = year;
  return scope;
};

/** The scope as the API's query, with no empty keys (so equal scopes share one cache entry). */
export const statsQuery = (scope: TOverviewScope) => ({
  asOf: scope.asOf,
  caseStatus: scope.caseStatus,
  ...(scope.caseId !== undefined ? { caseId: scope.caseId } : {}),
  ...(scope.vendorId !== undefined ? { vendorId: scope.vendorId } : {}),
  ...(scope.fiscalYear !== undefined ? { fiscalYear: scope.fiscalYear } : {}),
});

export type TFirstScreenRequest = {
  name: TEndpointName;
  query?: Record<string, string | number>;
};

const firstPage = { limit: LARGEST_PAGE, offset: 0 };

/** The overview's requests in a scope: the figures first, then the names they need. */
export const overviewRequests = (scope: TOverviewScope): TFirstScreenRequest[] => {
  const stats = statsQuery(scope);
  return [
    { name: "getOverview", query: { ...stats, lines: PORTFOLIO_LINES, incidents: CHART_BARS } },
    // The groups its chart draws; the whole list only when the reader opens the table and asks for it.
    { name: "getRemediationStats", query: { ...stats, groups: CHART_BARS } },
    { name: "getCommitmentStats", query: stats },
    {
      name: "listDeadlines",
      query: {
        asOf: scope.asOf,
        withinDays: DUE_SOON_DAYS,
        ...(scope.caseId !== undefined ? { caseId: scope.caseId } : {}),
        limit: DEADLINE_PANEL_ROWS,
      },
    },
    { name: "getAffectedStats", query: { ...stats, incidents: CHART_BARS } },
    { name: "getRemediationTimeline", query: { ...stats, per: "day" } },
    { name: "getCaseTimeline", query: stats },
    { name: "listCases", query: firstPage },
    { name: "getFiscalYears" },
    { name: "getOrganisation" },
    { name: "listVendors", query: firstPage },
  ];
};

/** The requests of the page at this address that the server may answer with the HTML. */
export const firstScreenRequests = (
  pathname: string,
  params: URLSearchParams,
  now: Date = new Date(),
): TFirstScreenRequest[] => (pathname === "/" ? overviewRequests(parseScope(params, now)) : []);
