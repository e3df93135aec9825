import { setupServer } from "msw/node";
import { MOCK_DEMO_USERS, mockUsers, resetMockAuth } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createApp } from "@/server/app";
import { seed } from "@/server/db/seed";
import type { TDb } from "@/server/db/types";
import { createUser, getUserByUsername } from "@/server/repository/users";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { contract, type TEndpoint, type TEndpointName } from "@/shared/contract";
import { CSRF_HEADER, SESSION_COOKIE, type TRole, type TSession } from "@/shared/schemas/auth";
import { ZCaseStatus } from "@/shared/schemas/case";
import { ZCohortStatus } from "@/shared/schemas/cohort";
import { ZCommitmentKind, ZCommitmentStatus } from "@/shared/schemas/commitment";
import type { TFigure, TSourceRef, TText } from "@/shared/schemas/common";
import { type TDataset, type TDatasetInput, ZDataset } from "@/shared/schemas/dataset";
import { ZDocumentKind } from "@/shared/schemas/document";
import { ZIncidentCategory, ZIncidentStatus } from "@/shared/schemas/incident";
import { case2025 } from "@/shared/seed/case-2025";
import { APP_VERSION } from "@/shared/version";

/*
 * The contract suite: one list of requests, answered by the MSW mocks (JavaScript over the dataset)
 * and by the real server (SQL over PGlite, and PostgreSQL when TEST_DATABASE_URL is set). Any
 * difference in status, content-type family, Allow header or JSON body fails, naming the request.
 * docs/api-semantics.md decides which side is wrong. It runs over the 2025 case and over a synthetic
 * variant (below) that reaches the branches the case never does: due dates, approximate counts,
 * month-only progress, ties in every ordering. Both sides answer signed in (the mocks' demo users, created
 * with the same passwords in the server's database), and a sign-in script (at the end of this file) walks
 * both through sessions, refusals, users, throttling and expiry with a moved clock.
 */

const AS_OF = "2025-10-01";
/*
 * Requests without asOf mean "today in Tokyo". The clock is pinned so that both sides see the same
 * today however long the suite runs, at a moment when Tokyo is a day ahead of UTC (2025-09-21 in Tokyo,
 * 2025-09-20 in UTC): a side that took the UTC date would differ (cmt-1-responsibility falls due on
 * 2025-09-20 in the variant).
 */
const NOW = new Date("2025-09-20T15:30:00Z");

type TCase = { method: string; path: string };

const get = (path: string, query: Record<string, string | number> = {}): TCase => {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return { method: "GET", path: search ? `${path}?${search}` : path };
};
const raw = (method: string, path: string): TCase => ({ method, path });

const BAD_FISCAL_YEARS = ["1989", "2101", "x", "2025.5", ""];
const UNKNOWN_ID = "nothing-here";
const BAD_IDS = ["INC-1", "%ZZ", "a%2Fb", "-leading-hyphen", "x".repeat(65), "inc_1", "%20"];
const DATES = [
  "2023-10-01",
  "2023-12-26",
  "2024-10-31",
  "2025-06-13",
  "2025-06-14",
  "2025-09-20",
  AS_OF,
  "2025-10-15",
];
const BAD_DATES = ["2025-02-30", "2025-13-01", "20251001", "2025-10", "yesterday"];

const path = (endpoint: TEndpoint, id?: string) =>
  endpoint.path.replace(/:([A-Za-z]+)/, () => (id === undefined ? "" : id));

const paging = (p: string): TCase[] => [
  get(p, { limit: 1 }),
  get(p, { limit: 1, offset: 1 }),
  get(p, { limit: 2, offset: 1 }),
  get(p, { offset: 2 }),
  get(p, { offset: 1000 }),
  get(p, { limit: 500, offset: 0 }),
  get(p, { offset: 1_000_000 }),
  get(p, { limit: 0 }),
  get(p, { limit: 501 }),
  get(p, { limit: -1 }),
  get(p, { limit: "1.5" }),
  get(p, { limit: "ten" }),
  get(p, { offset: -1 }),
  get(p, { offset: 1_000_001 }),
  get(p, { limit: "" }),
  raw("GET", `${p}?limit=1&limit=2`),
];

const details = (endpoint: TEndpoint, known: string[], query: Record<string, string>[] = [{}]): TCase[] => [
  ...known.flatMap((id) => query.map((q) => get(path(endpoint, id), q))),
  get(path(endpoint, UNKNOWN_ID)),
  ...BAD_IDS.map((id) => raw("GET", path(endpoint, id))),
  get(path(endpoint, known[0]), { colour: "red" }),
  raw("GET", `${path(endpoint, known[0])}/`),
  raw("GET", `${path(endpoint, known[0])}/extra`),
];

const c = contract;
const casesFor = (data: TDataset): TCase[] => {
  const ids = {
    cases: data.cases.map((x) => x.id),
    vendors: data.vendors.map((v) => v.id),
    services: data.services.map((p) => p.id),
    documents: data.documents.map((d) => d.id),
    incidents: data.incidents.map((i) => i.id),
    cohorts: data.cohorts.map((c) => c.id),
    commitments: data.commitments.map((c) => c.id),
    meetings: data.meetings.map((m) => m.id),
  };
  const fiscalYears = [...new Set(data.incidents.map((i) => i.fiscalYear))];
  // The years with incidents, the year before the first, and the last the schema allows.
  const FISCAL_YEARS = [...new Set([...fiscalYears, Math.min(...fiscalYears) - 1, 2100])];
  return [
    // meta
    get(c.health.path),
    get(c.openapi.path),
    get(c.health.path, { verbose: 1 }),
    // organisation
    get(c.getOrganisation.path),
    get(c.getOrganisation.path, { limit: 1 }),
    // cases
    get(c.listCases.path),
    ...ZCaseStatus.options.map((status) => get(c.listCases.path, { status })),
    get(c.listCases.path, { status: "all" }),
    get(c.listCases.path, { status: "open", limit: 1, offset: 1 }),
    ...paging(c.listCases.path),
    ...details(c.getCase, ids.cases),
    // vendors and regulatory actions
    get(c.listVendors.path),
    ...paging(c.listVendors.path),
    get(c.listVendors.path, { role: "insurer" }),
    ...details(c.getVendor, ids.vendors),
    get(c.listRegulatoryActions.path),
    ...ids.vendors.map((vendorId) => get(c.listRegulatoryActions.path, { vendorId })),
    get(c.listRegulatoryActions.path, { vendorId: UNKNOWN_ID }),
    get(c.listRegulatoryActions.path, { vendorId: "Sompo" }),
    ...DATES.map((since) => get(c.listRegulatoryActions.path, { since })),
    ...BAD_DATES.map((since) => get(c.listRegulatoryActions.path, { since })),
    get(c.listRegulatoryActions.path, { vendorId: "sompo", since: "2024-01-25", limit: 2, offset: 1 }),
    ...paging(c.listRegulatoryActions.path),
    // services
    get(c.listServices.path),
    ...paging(c.listServices.path),
    ...details(c.getService, ids.services),
    // documents
    get(c.listDocuments.path),
    ...ZDocumentKind.options.map((kind) => get(c.listDocuments.path, { kind })),
    get(c.listDocuments.path, { kind: "letter" }),
    get(c.listDocuments.path, { outsideRecord: "true" }),
    get(c.listDocuments.path, { outsideRecord: "false" }),
    get(c.listDocuments.path, { outsideRecord: "yes" }),
    get(c.listDocuments.path, { kind: "press", outsideRecord: "true", limit: 2, offset: 1 }),
    ...paging(c.listDocuments.path),
    ...details(c.getDocument, ids.documents),
    // incidents
    get(c.listIncidents.path),
    ...ids.vendors.map((vendorId) => get(c.listIncidents.path, { vendorId })),
    get(c.listIncidents.path, { vendorId: UNKNOWN_ID }),
    ...ZIncidentCategory.options.map((category) => get(c.listIncidents.path, { category })),
    get(c.listIncidents.path, { category: "fraud" }),
    ...ZIncidentStatus.options.map((status) => get(c.listIncidents.path, { status })),
    get(c.listIncidents.path, { status: "OPEN" }),
    ...FISCAL_YEARS.map((fiscalYear) => get(c.listIncidents.path, { fiscalYear })),
    ...BAD_FISCAL_YEARS.map((fiscalYear) => get(c.listIncidents.path, { fiscalYear })),
    get(c.listIncidents.path, { vendorId: "sompo", status: "open", fiscalYear: 2025, limit: 1, offset: 2 }),
    get(c.listIncidents.path, { vendorId: "partners", category: "duplicate_billing" }),
    ...ids.cases.map((caseId) => get(c.listIncidents.path, { caseId })),
    get(c.listIncidents.path, { caseId: UNKNOWN_ID }),
    raw("GET", `${c.listIncidents.path}?status=open&status=closed&colour=red&limit=0`),
    raw("GET", `${c.listIncidents.path}/`),
    ...paging(c.listIncidents.path),
    ...details(c.getIncident, ids.incidents),
    // cohorts
    get(c.listCohorts.path),
    ...ids.incidents.map((incidentId) => get(c.listCohorts.path, { incidentId })),
    get(c.listCohorts.path, { incidentId: UNKNOWN_ID }),
    ...ZCohortStatus.options.map((status) => get(c.listCohorts.path, { status })),
    get(c.listCohorts.path, { status: "done" }),
    get(c.listCohorts.path, { incidentId: "inc-2", status: "completed", limit: 2, offset: 1 }),
    ...paging(c.listCohorts.path),
    ...details(c.getCohort, ids.cohorts),
    // commitments
    get(c.listCommitments.path, { asOf: AS_OF }),
    get(c.listCommitments.path),
    ...ids.vendors.map((vendorId) => get(c.listCommitments.path, { vendorId, asOf: AS_OF })),
    get(c.listCommitments.path, { vendorId: UNKNOWN_ID }),
    ...ids.incidents.map((incidentId) => get(c.listCommitments.path, { incidentId, asOf: AS_OF })),
    ...ZCommitmentKind.options.map((kind) => get(c.listCommitments.path, { kind, asOf: AS_OF })),
    ...ZCommitmentStatus.options.map((status) => get(c.listCommitments.path, { status, asOf: AS_OF })),
    ...DATES.map((dueBefore) => get(c.listCommitments.path, { dueBefore, asOf: AS_OF })),
    get(c.listCommitments.path, { dueBefore: "2100-01-01" }),
    get(c.listCommitments.path, { overdue: "true", asOf: AS_OF }),
    get(c.listCommitments.path, { overdue: "false", asOf: AS_OF }),
    get(c.listCommitments.path, { overdue: "true", asOf: "2100-01-01" }),
    get(c.listCommitments.path, { overdue: "1" }),
    ...BAD_DATES.flatMap((d) => [
      get(c.listCommitments.path, { asOf: d }),
      get(c.listCommitments.path, { dueBefore: d }),
    ]),
    get(c.listCommitments.path, {
      kind: "board_demand",
      status: "open",
      vendorId: "sompo",
      incidentId: "inc-3",
      asOf: AS_OF,
    }),
    ...paging(c.listCommitments.path),
    ...details(c.getCommitment, ids.commitments, [{ asOf: AS_OF }, {}, { asOf: "2100-01-01" }]),
    get(path(c.getCommitment, ids.commitments[0]), { asOf: "2025-02-30" }),
    get(path(c.getCommitment, UNKNOWN_ID), { asOf: "2025-02-30" }),
    // meetings
    get(c.listMeetings.path),
    ...FISCAL_YEARS.map((fiscalYear) => get(c.listMeetings.path, { fiscalYear })),
    ...BAD_FISCAL_YEARS.map((fiscalYear) => get(c.listMeetings.path, { fiscalYear })),
    ...paging(c.listMeetings.path),
    ...details(c.getMeeting, ids.meetings),
    // stats
    get(c.getOverview.path, { asOf: AS_OF }),
    get(c.getOverview.path),
    get(c.getOverview.path, { asOf: "2100-01-01" }),
    ...BAD_DATES.map((asOf) => get(c.getOverview.path, { asOf })),
    get(c.getOverview.path, { fiscalYear: 2025 }),
    // The lines and incidents the overview lists, and bounds that are not numbers of items.
    get(c.getOverview.path, { lines: 10, incidents: 15 }),
    get(c.getOverview.path, { caseStatus: "all", incidents: 1 }),
    ...["0", "-1", "abc", "501"].map((incidents) => get(c.getOverview.path, { incidents })),
    // Scopes: a case (open or closed), the open cases (default), closed ones, all; a vendor; a year.
    ...[
      c.getOverview,
      c.getAffectedStats,
      c.getRemediationStats,
      c.getRemediationTimeline,
      c.getIntervalStats,
    ].flatMap((e) => [
      ...ids.cases.map((caseId) => get(e.path, { caseId, asOf: AS_OF })),
      ...["open", "closed", "all", "none"].map((caseStatus) => get(e.path, { caseStatus, asOf: AS_OF })),
      ...ids.vendors.map((vendorId) => get(e.path, { vendorId, caseStatus: "all", asOf: AS_OF })),
      get(e.path, { caseId: UNKNOWN_ID }),
      get(e.path, { caseStatus: "all", fiscalYear: 2024, asOf: AS_OF }),
      get(e.path, { caseStatus: "all", asOf: "2024-06-01" }),
    ]),
    ...ids.cases.map((caseId) => get(c.getCommitmentStats.path, { caseId, asOf: AS_OF })),
    get(c.getCommitmentStats.path, { caseStatus: "all", vendorId: "sompo", asOf: AS_OF }),
    get(c.getAffectedStats.path),
    ...FISCAL_YEARS.map((fiscalYear) => get(c.getAffectedStats.path, { fiscalYear })),
    ...BAD_FISCAL_YEARS.map((fiscalYear) => get(c.getAffectedStats.path, { fiscalYear })),
    get(c.getAffectedStats.path, { asOf: AS_OF }),
    get(c.getRemediationStats.path),
    ...ids.incidents.map((incidentId) => get(c.getRemediationStats.path, { incidentId })),
    get(c.getRemediationStats.path, { incidentId: UNKNOWN_ID }),
    get(c.getRemediationStats.path, { incidentId: "INC-1" }),
    get(c.getRemediationStats.path, { groups: "1", caseStatus: "all" }),
    get(c.getRemediationStats.path, { groups: "0" }),
    get(c.getRemediationTimeline.path),
    ...ids.incidents.map((incidentId) => get(c.getRemediationTimeline.path, { incidentId })),
    get(c.getRemediationTimeline.path, { incidentId: UNKNOWN_ID }),
    get(c.getRemediationTimeline.path, { incidentId: "%ZZ" }),
    get(c.getRemediationTimeline.path, { per: "day" }),
    get(c.getRemediationTimeline.path, { per: "day", caseStatus: "all", asOf: AS_OF }),
    get(c.getRemediationTimeline.path, { per: "week" }),
    get(c.getCommitmentStats.path, { asOf: AS_OF }),
    get(c.getCommitmentStats.path),
    ...ids.vendors.map((vendorId) => get(c.getCommitmentStats.path, { vendorId, asOf: AS_OF })),
    get(c.getCommitmentStats.path, { vendorId: UNKNOWN_ID, asOf: AS_OF }),
    ...BAD_DATES.map((asOf) => get(c.getCommitmentStats.path, { asOf })),
    get(c.getIntervalStats.path),
    ...ids.incidents.map((incidentId) => get(c.getIntervalStats.path, { incidentId })),
    get(c.getIntervalStats.path, { incidentId: UNKNOWN_ID }),
    get(c.getFiscalYears.path),
    get(c.getCaseTimeline.path),
    get(c.getCaseTimeline.path, { asOf: AS_OF, caseStatus: "all" }),
    get(c.getCaseTimeline.path, { cases: 1, incidents: 1, caseStatus: "all" }),
    ...ids.incidents.map((incidentId) => get(c.getCaseTimeline.path, { incidentId })),
    get(c.getCaseTimeline.path, { cases: 0 }),
    get(c.getCaseTimeline.path, { incidents: 51 }),
    get(c.getVendorScorecards.path, { asOf: AS_OF }),
    get(c.getVendorScorecards.path),
    ...FISCAL_YEARS.map((fiscalYear) => get(c.getVendorScorecards.path, { fiscalYear, asOf: AS_OF })),
    ...FISCAL_YEARS.map((fiscalYear) => get(c.getVendorScorecards.path, { fiscalYear })),
    ...BAD_FISCAL_YEARS.map((fiscalYear) => get(c.getVendorScorecards.path, { fiscalYear })),
    ...["2023-12-26", "2025-12-25", "2025-12-26", "2025-12-27", "2026-01-01", "2027-06-14", "2020-01-01"].map(
      (asOf) => get(c.getVendorScorecards.path, { fiscalYear: 2025, asOf }),
    ),
    ...BAD_DATES.map((asOf) => get(c.getVendorScorecards.path, { asOf })),
    // deadlines, settings, the audit trail (empty on a fresh record), meeting snapshots (none closed yet)
    get(c.listDeadlines.path),
    ...DATES.map((asOf) => get(c.listDeadlines.path, { asOf })),
    ...BAD_DATES.map((asOf) => get(c.listDeadlines.path, { asOf })),
    ...["1", "14", "365", "0", "366", "x"].map((withinDays) =>
      get(c.listDeadlines.path, { asOf: "2025-11-20", withinDays }),
    ),
    ...[...ids.incidents, UNKNOWN_ID, "INC"].map((incidentId) =>
      get(c.listDeadlines.path, { asOf: "2025-11-24", incidentId }),
    ),
    ...[...ids.cases, UNKNOWN_ID].map((caseId) => get(c.listDeadlines.path, { asOf: "2025-11-24", caseId })),
    ...["organisation", "vendor", "someone"].map((owner) =>
      get(c.listDeadlines.path, { asOf: "2025-11-24", owner }),
    ),
    get(c.listDeadlines.path, { asOf: "2025-06-01", withinDays: 365, limit: 2, offset: 1 }),
    get(c.getSettings.path),
    // Filtered to the record: the server's set-up creates users (logged), the mocks' users are built in.
    get(c.listAudit.path, { entityType: "incident" }),
    get(c.listAudit.path, { entityType: "incident", entityId: "inc-1" }),
    get(c.listAudit.path, { entityType: "cohort", limit: 1, offset: 1 }),
    get(c.listAudit.path, { entityType: "nothing" }),
    get(c.listAudit.path, { entityType: "incident", limit: 0 }),
    get(c.listAudit.path, { entityType: "case" }),
    get(c.listAudit.path, { entityType: "organisation" }),
    get(c.verifyAudit.path),
    ...details(c.getMeetingSnapshot, ids.meetings),
    // wrong methods, unknown paths
    ...["POST", "PUT", "PATCH", "DELETE"].flatMap((method) => [
      raw(method, c.listIncidents.path),
      raw(method, path(c.getIncident, "inc-1")),
      raw(method, path(c.getIncident, UNKNOWN_ID)),
      raw(method, c.health.path),
    ]),
    raw("POST", c.getOverview.path),
    raw("DELETE", path(c.getMeeting, ids.meetings[0])),
    get("/api/v1/nothing-here"),
    get("/api/v2/incidents"),
    get("/api/v1"),
    get("/api/v1/"),
    get("/api/v1/stats"),
    get("/api/v1/incidents/inc-1/milestones"),
    raw("POST", "/api/v1/nothing-here"),
    raw("DELETE", "/api/nothing"),
    get("/api"),
    raw("HEAD", path(c.getIncident, "inc-1")),
    raw("HEAD", c.listIncidents.path),
    raw("HEAD", "/api/v1/nothing-here"),
    raw("OPTIONS", c.listIncidents.path),
    // query-string edge cases: encodings, empty keys, and the length limit around 2,048 characters
    raw("GET", `${c.listIncidents.path}?vendorId=%73ompo`),
    raw("GET", `${c.listIncidents.path}?vendorId=sompo%`),
    raw("GET", `${c.listIncidents.path}?status=open&`),
    raw("GET", `${c.listIncidents.path}?=x`),
    raw("GET", `${c.listIncidents.path}?limit`),
    raw("GET", `${c.listIncidents.path}?limit=1+`),
    raw("GET", `${c.listIncidents.path}?fiscalYear=%202025`),
    ...[2046, 2047, 2048, 2049].map((n) =>
      raw("GET", `${c.listIncidents.path}?limit=1&offset=0${"&".repeat(n - 16)}`),
    ),
  ];
};

/*
 * A synthetic variant of the case, for this suite only: it is not the record and is never served. It
 * adds what the case lacks so that both sides must agree on every rule of docs/api-semantics.md and
 * docs/any-case.md: commitments with due dates in every state, counts that are approximate, not reported
 * or confirmed none, people and records, a second population, vendor-wide and outside-record figures,
 * a subcontractor chain, cases open and closed, month-only and same-day dates, falling progress counts,
 * incident numbers out of position order, and ties.
 */
const tx = (en: string): TText => ({ ja: `合成:${en}`, en: `synthetic: ${en}` });
const sref = (documentId: string, ...cites: string[]): TSourceRef => ({ documentId, cites });
const n = (value: number, source = sref("notice")): TFigure => ({ status: "reported", value, source });
const approx = (source = sref("notice")): TFigure => ({ status: "approximate", label: tx("about"), source });
const missing = (source = sref("notice")): TFigure => ({
  status: "not_reported",
  missing: tx("missing"),
  source,
});
const none = (source = sref("notice")): TFigure => ({ status: "confirmed_none", source });
type TImpactInput = TDatasetInput["incidents"][number]["impact"][number];
const impact = (
  id: string,
  serviceId: string | null,
  count: TFigure,
  extra: Partial<TImpactInput> = {},
): TImpactInput => ({
  id,
  scope: "ours",
  serviceId,
  populationId: "members",
  unit: "people",
  count,
  note: null,
  outsideRecord: false,
  ...extra,
});

const variant: TDataset = (() => {
  const d = structuredClone(case2025) as TDatasetInput;
  // A second population, whose people are never added to the members.
  d.organisation.populations.push({ id: "families", name: tx("families"), ofWhom: tx("the insurer") });
  d.cases.push(
    { id: "case-x-open", title: tx("case-x-open"), summary: null, status: "open" },
    { id: "case-x-closed", title: tx("case-x-closed"), summary: tx("closed"), status: "closed" },
  );
  // A subcontractor of the insurer (再委託先): incidents there count for the insurer too.
  d.vendors.push({
    id: "vendor-c",
    name: tx("vendor C"),
    shortName: tx("C"),
    kindId: "printer",
    subcontractorOf: ["sompo"],
    serviceIds: [],
  });
  const milestone = (
    id: string,
    kind: TDatasetInput["incidents"][number]["milestones"][number]["kind"],
    date: string,
    outsideRecord = false,
  ) => ({
    id,
    kind,
    date,
    endDate: null,
    note: id.endsWith("-a") ? null : tx(id),
    coversOurPeople: false,
    source: sref(outsideRecord ? "ctx-kyodo" : "doc-1", "doc-5"),
    outsideRecord,
  });
  const incident = (
    id: string,
    number: number,
    fiscalYear: number,
    vendorIds: string[],
    caseId: string,
    dataRole: TDatasetInput["incidents"][number]["dataRole"],
  ) => ({
    id,
    number,
    caseId,
    title: tx(id),
    category: "other" as const,
    status: "closed" as const,
    fiscalYear,
    vendorIds,
    chain: vendorIds,
    dataRole,
    summary: tx(id),
    system: null,
    cause: null,
    impact: [] as TImpactInput[],
    dataCategories: [],
    misuse: { status: "not_reported" as const, asOf: null, source: sref("notice") },
    milestones: [] as TDatasetInput["incidents"][number]["milestones"],
    contact: null,
    documentIds: [] as string[],
  });
  const inc5 = incident("inc-5", 5, 2024, ["partners"], "case-x-open", "entrusted_by_organisation");
  inc5.impact = [
    impact("i5-medical", "prod-medical", approx()),
    impact("i5-oyako", "prod-oyako", n(7)),
    // Records are counted apart from people; the vendor's whole extent and a press figure stand beside.
    impact("i5-records", null, n(120), { unit: "records", populationId: null }),
    impact("i5-wide", null, n(3_000_000), { scope: "vendor_wide", unit: "records", populationId: null }),
    impact("i5-press", null, n(50, sref("ctx-kyodo")), { outsideRecord: true }),
  ];
  inc5.milestones = [
    milestone("m5-a", "occurred", "2024-05-10"),
    milestone("m5-b", "detected", "2024-05-10"),
    milestone("m5-c", "reported_to_organisation", "2024-06"),
    milestone("m5-d", "reported_to_organisation", "2024-06-20"),
    milestone("m5-e", "reported_to_organisation", "2024-06-15"),
    milestone("m5-f", "reported_to_board", "2024-07-01", true),
    { ...milestone("m5-g", "vendor_public_announcement", "2024-05-10"), coversOurPeople: true },
    milestone("m5-h", "detected", "2024-05-10"),
  ];
  inc5.documentIds = ["doc-1", "doc-5"];
  const inc4 = {
    ...incident("inc-4", 4, 2025, ["sompo", "vendor-c"], "case-2025-insurance", "vendor_own"),
    category: "billing_error" as const,
    status: "open" as const,
  };
  // Happened at the subcontractor, reached through the insurer; the families' people and none of ours.
  inc4.impact = [
    impact("i4-families", null, n(40), { populationId: "families" }),
    impact("i4-members", null, none()),
  ];
  const inc6 = incident("inc-6", 6, 2023, ["sompo"], "case-x-closed", "none");
  inc6.impact = [
    impact("i6-topup", "prod-liability-topup", missing()),
    impact("i6-oyako", "prod-oyako", n(2)),
    // A whole for the population beside its parts: the whole counts, the parts do not add to it.
    impact("i6-whole", null, n(5)),
  ];
  inc6.milestones = [
    milestone("m6-board", "reported_to_board", "2023-05-01"),
    milestone("m6-assoc", "reported_to_organisation", "2023-04-11"),
    milestone("m6-detected", "detected", "2023-04-03", true),
    milestone("m6-occurred", "occurred", "2023-04-01"),
  ];
  d.incidents.push(inc5, inc4, inc6);

  const cohort = (
    id: string,
    incidentId: string,
    parentId: string | null,
    purpose: "financial" | "notification",
  ) => ({
    id,
    incidentId,
    parentId,
    label: tx(id),
    purpose,
    populationId: "members",
    people: n(10),
    amountPerPersonYen: purpose === "financial" ? n(1000) : null,
    methods: ["refund" as const],
    status: "in_progress" as const,
    statusSource: sref("doc-5"),
    progress: [] as TDatasetInput["cohorts"][number]["progress"],
  });
  const event = (id: string, cohortId: string, date: string, doneCount: TFigure, note = true) => ({
    id,
    cohortId,
    date,
    doneCount,
    note: note ? tx(id) : null,
    source: sref("notice", "doc-5"),
  });
  const coh5 = { ...cohort("coh-5-a", "inc-5", null, "financial"), amountPerPersonYen: approx() };
  coh5.progress = [
    event("p5-1", "coh-5-a", "2024-07-01", n(4)),
    event("p5-2", "coh-5-a", "2024-07", n(6)),
    event("p5-3", "coh-5-a", "2024-08-01", missing(), false),
    event("p5-4", "coh-5-a", "2024-07-01", n(5), false),
  ];
  const coh5child = { ...cohort("coh-5-child", "inc-5", "coh-5-a", "financial"), people: n(2) };
  const coh4 = {
    ...cohort("coh-4-decline", "inc-4", null, "notification"),
    populationId: "families",
    methods: ["apology_letter" as const],
  };
  coh4.people = n(5);
  coh4.progress = [
    event("p4-1", "coh-4-decline", "2025-09-10", n(5)),
    event("p4-2", "coh-4-decline", "2025-09-20", n(2)),
  ];
  const coh1 = {
    ...cohort("coh-1-extra", "inc-1", null, "financial"),
    people: approx(),
    status: "not_reported" as const,
  };
  coh1.progress = [event("p1-x", "coh-1-extra", "2025-09-01", n(3))];
  const coh6 = {
    ...cohort("coh-6-unknown", "inc-6", null, "financial"),
    people: missing(),
    amountPerPersonYen: missing(),
  };
  d.cohorts.push(coh5, coh5child, coh4, coh1, coh6);

  const due = (
    id: string,
    dueDate: string | null,
    status: TDatasetInput["commitments"][number]["status"],
    extra = {},
  ) => {
    const found = d.commitments.find((x) => x.id === id);
    if (found) Object.assign(found, { dueDate, status, ...extra });
  };
  due("cmt-1-responsibility", "2025-09-20", "open");
  due("cmt-1-letters", "2025-10-10", "in_progress");
  due("cmt-3-refunds", "2025-10-15", "reopened");
  const commitment = (
    id: string,
    owedByIds: string[],
    incidentIds: string[],
    status: TDatasetInput["commitments"][number]["status"],
    dueDate: string | null,
    reportedDoneDate: string | null = null,
  ) => ({
    id,
    kind: "vendor_promise" as const,
    text: tx(id),
    quote: null,
    owedByIds,
    incidentIds,
    madeInDocumentId: id === "cmt-x-done" ? "doc-4" : null,
    madeAtMeetingId: null,
    madeOn: null,
    dueDate,
    reportedDoneDate,
    verifiedDate: status === "verified" ? "2025-09-05" : null,
    evidence: null,
    status,
    source: sref("notice"),
  });
  d.commitments.push(
    commitment("cmt-x-done", ["sompo"], ["inc-2"], "vendor_reported_done", "2025-09-01", "2025-08-30"),
    commitment("cmt-x-late", ["sompo"], ["inc-2", "inc-6"], "verified", "2025-09-01", "2025-09-02"),
    commitment("cmt-x-ontime-day", ["sompo"], ["inc-6"], "verified", "2023-05-01", "2023-05-01"),
    commitment("cmt-x-nodate-done", ["sompo"], ["inc-1"], "verified", "2025-09-01"),
    commitment("cmt-x-boundary", ["vendor-c"], ["inc-4"], "open", AS_OF),
    commitment("cmt-x-beyond", ["partners"], [], "open", "2025-10-16"),
    commitment("cmt-x-2024", ["partners"], ["inc-5"], "in_progress", "2024-12-31"),
    commitment("cmt-x-nodue", ["vendor-c", "sompo"], ["inc-4"], "reopened", null),
  );

  const meeting = (id: string, date: string, fiscalYear: number, number: number, source: TSourceRef) => ({
    id,
    fiscalYear,
    number,
    kind: "extraordinary" as const,
    title: tx(id),
    date,
    items: [] as TDatasetInput["meetings"][number]["items"],
    vendorAttendees: [],
    resolutions: [],
    source,
  });
  const mtg2 = meeting("mtg-2025-02", "2025-08-23", 2025, 2, sref("doc-1"));
  mtg2.items = [
    {
      id: "item-x-1",
      title: tx("item"),
      incidentIds: [],
      documentIds: ["doc-5"],
      presentedByIds: [],
      note: null,
    },
  ];
  d.meetings.unshift(meeting("mtg-2024-01", "2024-06-30", 2024, 1, sref("notice", "ctx-kyodo")));
  d.meetings.push(mtg2);

  const action = (id: string, vendorId: string, date: string) => ({
    id,
    vendorId,
    date,
    authority: tx("authority"),
    action: tx(id),
    amountYen: null,
    planDueDate: null,
    source: sref("ctx-jftc", "doc-1"),
  });
  d.regulatoryActions.push(
    action("reg-2025-06-13-b", "sompo", "2025-06-13"),
    action("reg-2023-10-01", "partners", "2023-10-01"),
    action("reg-2023-10-02", "partners", "2023-10-02"),
    action("reg-2025-10-02", "partners", "2025-10-02"),
  );
  d.regulatoryActions.unshift(action("reg-2022-02-28", "vendor-c", "2022-02-28"));
  return ZDataset.parse(d);
})();

const variantCases: TCase[] = [
  ...["2024-02-29", "2024-12-31", "2025-09-20", "2025-10-15", "2025-10-16", "2025-12-31"].flatMap((asOf) => [
    get(c.getVendorScorecards.path, { asOf }),
    get(c.getCommitmentStats.path, { asOf }),
    get(c.getOverview.path, { asOf }),
    get(c.listCommitments.path, { asOf, overdue: "true" }),
  ]),
  ...["2023", "2024"].map((fiscalYear) =>
    get(c.getVendorScorecards.path, { fiscalYear, asOf: "2024-02-29" }),
  ),
];

const datasets = [
  { name: "the 2025 case", data: case2025, cases: casesFor(case2025) },
  { name: "a synthetic variant", data: variant, cases: [...casesFor(variant), ...variantCases] },
];

type TAnswer = { status: number; type: string; allow: string | null; body: unknown };

const answer = async (res: Response): Promise<TAnswer> => {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: compared as text.
  }
  return {
    status: res.status,
    // The family: `application/json; charset=UTF-8` and `application/json` are the same answer.
    type: (res.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "",
    allow: res.headers.get("allow"),
    body,
  };
};

const label = (t: TCase) => `${t.method} ${t.path}`;

/*
 * Both sides answer the read list signed in as the demo viewer: the mocks' in-memory demo users, and the
 * same users (same names, roles and passwords) created in the server's database. Every request carries the
 * session's CSRF token too (writes in the list are to read-only paths: 405 either way).
 */
const DEMO = Object.fromEntries(MOCK_DEMO_USERS.map((u) => [u.role, u])) as Record<
  TRole,
  (typeof MOCK_DEMO_USERS)[number]
>;

const loginInit = (username: string, password: string): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username, password }),
});

type TCredentials = { cookie: string; csrfToken: string };

const signInOn = async (
  send: (path: string, init: RequestInit) => Promise<Response>,
  role: TRole,
): Promise<TCredentials> => {
  const res = await send(contract.login.path, loginInit(DEMO[role].username, DEMO[role].password));
  if (res.status !== 200) throw new Error(`sign-in as the demo ${role} answered ${res.status}`);
  const session = (await res.json()) as TSession;
  // The mocks set no cookie (their session is module state); the server's is HttpOnly.
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { cookie, csrfToken: session.csrfToken };
};

const withCredentials = (who: TCredentials, method: string): RequestInit => ({
  method,
  headers: { ...(who.cookie ? { cookie: who.cookie } : {}), [CSRF_HEADER]: who.csrfToken },
});

const mockAnswers = new Map<TDataset, Map<string, TAnswer>>();
let mockScript: TStepAnswer[] = [];

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
afterAll(() => {
  vi.useRealTimers();
});

beforeAll(async () => {
  const mock = setupServer();
  mock.listen({ onUnhandledRequest: "error" });
  const send = (path: string, init: RequestInit) => fetch(`http://mock.test${path}`, init);
  try {
    for (const { data, cases } of datasets) {
      mock.resetHandlers(...createHandlers(data));
      resetMockAuth(null);
      const viewer = await signInOn(send, "viewer");
      const answers = new Map<string, TAnswer>();
      for (const t of cases) {
        answers.set(label(t), await answer(await send(t.path, withCredentials(viewer, t.method))));
      }
      mockAnswers.set(data, answers);
    }
    mock.resetHandlers(...createHandlers(case2025));
    resetMockAuth(null);
    mockScript = await runScript("http://mock.test", send, (username) => {
      const user = mockUsers().find((u) => u.username === username);
      if (!user) throw new Error(`no mock user ${username}`);
      return user.id;
    });
  } finally {
    mock.close();
    resetMockAuth(null);
  }
});

const endpointOf = (method: string, p: string) =>
  Object.entries(contract)
    .filter(
      ([, e]) =>
        e.method === method && new RegExp(`^${e.path.replace(/:([A-Za-z]+)/g, "[^/?]+")}/?(\\?|$)`).test(p),
    )
    .map(([name]) => name);

const endpointsOf = (cases: TCase[]) =>
  new Set(cases.flatMap(({ method, path: p }) => endpointOf(method, p)));

describe("the sign-in script", () => {
  it("gets the intended status at every step from the mocks", () => {
    expect(mockScript.map((a) => [a.step, a.status])).toEqual(
      scriptWithStatuses.map(([status], i) => [mockScript[i]?.step, status]),
    );
  });
  it("is told to wait as long as the window says (Retry-After)", () => {
    expect(mockScript.filter((a) => a.status === 429).map((a) => a.retryAfter)).toEqual(["1", "1", "1", "1"]);
  });
});

describe.each(datasets)("the request list over $name", ({ data, cases }) => {
  it("exercises every endpoint of the contract (with the sign-in script)", () => {
    const scripted = script.map((s) => ({
      method: s.method,
      path: typeof s.path === "string" ? s.path : s.path(() => "usr-placeholder"),
    }));
    // The record's writes have their own parity suite (src/server/edits/parity.test.ts).
    const covered = endpointsOf([...cases, ...scripted]);
    const expected = (Object.keys(contract) as TEndpointName[]).filter(
      (name) =>
        contract[name].method === "GET" || contract[name].tag === "auth" || contract[name].tag === "users",
    );
    expect(expected.filter((name) => !covered.has(name))).toEqual([]);
  });
  it("has no duplicate requests", () => {
    const labels = cases.map(label);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });
  it("asks for today in Tokyo, not in UTC, when a request has no asOf", () => {
    const overview = mockAnswers.get(data)?.get(`GET ${contract.getOverview.path}`);
    expect(overview?.body).toMatchObject({ asOf: "2025-09-21" });
  });
  it("gets answers of every kind from the mocks", () => {
    const statuses = new Set([...(mockAnswers.get(data)?.values() ?? [])].map((a) => a.status));
    // 403: the viewer writing to an editor's endpoint.
    expect([...statuses].sort()).toEqual([200, 400, 403, 404, 405]);
  });
});

describe.each(testEngines)("the real server on %s", (engine) => {
  describe.each(datasets)("over $name, answers as the mocks do", ({ data, cases }) => {
    let testDb: TTestDb | undefined;
    let app: ReturnType<typeof createApp>;
    let viewer: TCredentials;
    const faults: string[] = [];

    beforeAll(async () => {
      testDb = await openTestDb({ engine, seed: data === case2025 });
      if (data !== case2025) await seed(testDb.db, data);
      app = createApp({
        db: testDb.db,
        version: APP_VERSION,
        staticDir: "/nonexistent",
        log: (m) => faults.push(m),
      });
      await createDemoUsers(testDb.db);
      viewer = await signInOn(async (p, init) => app.request(p, init), "viewer");
    });
    afterAll(async () => {
      await testDb?.close();
    });

    it.each(cases)("$method $path", async (t) => {
      faults.length = 0;
      const expected = structuredClone(mockAnswers.get(data)?.get(label(t)));
      expect(expected, "the mocks answered").toBeDefined();
      const actual = await answer(
        await app.fetch(new Request(`http://server.test${t.path}`, withCredentials(viewer, t.method))),
      );
      expect({ request: label(t), ...actual, faults }).toEqual({
        request: label(t),
        ...expected,
        faults: [],
      });
    });
  });

  describe("sign-in, sessions and users, step by step, answer as the mocks do", () => {
    let testDb: TTestDb | undefined;
    const faults: string[] = [];
    beforeAll(async () => {
      testDb = await openTestDb({ engine });
    });
    afterAll(async () => {
      await testDb?.close();
    });

    it("runs the script", async () => {
      const db = (testDb as TTestDb).db;
      const app = createApp({ db, staticDir: "/nonexistent", log: (m) => faults.push(m) });
      await createDemoUsers(db);
      const steps = await runScript(
        "http://server.test",
        async (p, init) => app.fetch(new Request(`http://server.test${p}`, init)),
        async (username) => {
          const user = await getUserByUsername(db, username);
          if (!user) throw new Error(`no user ${username}`);
          return user.id;
        },
      );
      expect(mockScript.length).toBe(script.length);
      expect(steps).toEqual(mockScript);
      expect(faults).toEqual([]);
      // Some forty password checks at the production cost (scrypt N=2^17) take their time.
    }, 600_000);
  });
});

/** The demo users of the mocks, created in the server's database (same names, roles, passwords). */
const createDemoUsers = async (db: TDb) => {
  for (const u of MOCK_DEMO_USERS) {
    await createUser(
      db,
      { username: u.username, displayName: u.displayName, role: u.role, password: u.password },
      new Date(),
    );
  }
};

/*
 * The sign-in script: one client (like one browser) going through sign-in, refusals, sessions, user
 * management, throttling and expiry, with the clock moved between steps. Run against the mocks and the
 * server; every answer must be the same once the random parts (tokens, user ids, creation times) are
 * replaced by placeholders. The client keeps the last cookie it was given even after the server clears
 * it, so a request after logout replays the old cookie (a stolen cookie must be dead server-side too).
 */
type TStep = {
  method: string;
  path: string | ((idOf: (username: string) => string) => string);
  body?: unknown;
  /** A body sent as it is, with this content type. */
  raw?: { text: string; type: string };
  /** Which CSRF header to send (default: the session's). */
  csrf?: "session" | "none" | "wrong";
  headers?: Record<string, string>;
  /** Milliseconds to move the clock forward before the request. */
  advance?: number;
};

type TStepAnswer = TAnswer & { step: string; retryAfter: string | null };

/** In a step's headers: the origin of the side that runs the script. */
const SELF = "<own origin>";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const u = contract.listUsers.path;
const userPath = (username: string) => (idOf: (name: string) => string) => `${u}/${idOf(username)}`;
const login = (username: string, password: string, extra: Partial<TStep> = {}): TStep => ({
  method: "POST",
  path: contract.login.path,
  body: { username, password },
  csrf: "none",
  ...extra,
});
const wrong = (username: string) => login(username, "not the password at all");
const session: TStep = { method: "GET", path: contract.getSession.path };
const NEW_USER = {
  username: "carol",
  displayName: "Carol",
  role: "editor",
  password: "quiet orchard lantern 9",
};

const read = (p: string, extra: Partial<TStep> = {}): TStep => ({ method: "GET", path: p, ...extra });
const post = (p: string, body?: unknown, extra: Partial<TStep> = {}): TStep => ({
  method: "POST",
  path: p,
  ...(body === undefined ? {} : { body }),
  ...extra,
});
const patch = (username: string, body: unknown, extra: Partial<TStep> = {}): TStep => ({
  method: "PATCH",
  path: userPath(username),
  body,
  ...extra,
});
const L = contract.login.path;
const OUT = contract.logout.path;
const ORG = contract.getOrganisation.path;
const EVIL = { origin: "https://evil.example" };
const CAROL_NEW = "a brand new passphrase";
const CAROL_NEWER = "yet another long passphrase 7";
const PW = contract.changeOwnPassword.path;
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

/** Each step with the status the mocks must give; the server must then give the same whole answer. */
const scriptWithStatuses: [number, TStep][] = [
  // Nothing but public endpoints without a session; a cookie that names no session is no better.
  [401, { ...session, csrf: "none" }],
  [401, { method: "HEAD", path: contract.getSession.path }],
  [401, read(ORG)],
  [401, read(ORG, { headers: { cookie: `${SESSION_COOKIE}=${"A".repeat(43)}` } })],
  [401, post(OUT)],
  [200, { method: "HEAD", path: contract.openapi.path }],
  // Sign-in input, and sign-in from another site.
  [400, post(L, {})],
  [400, post(L, { username: "demo-viewer", password: "x", remember: true })],
  [415, post(L, undefined, { raw: { text: "username=demo-viewer", type: "text/plain" } })],
  [400, post(L, undefined, { raw: { text: '{"username":', type: "application/json" } })],
  [403, login(DEMO.viewer.username, DEMO.viewer.password, { headers: EVIL })],
  [403, login(DEMO.viewer.username, DEMO.viewer.password, { headers: { "sec-fetch-site": "cross-site" } })],
  [403, login(DEMO.viewer.username, DEMO.viewer.password, { headers: { origin: "null" } })],
  [401, wrong(DEMO.viewer.username)],
  [401, wrong("nobody-here")],
  // Usernames are trimmed and lower-cased; same-origin requests pass.
  [
    200,
    login(` ${DEMO.viewer.username.toUpperCase()} `, DEMO.viewer.password, {
      headers: { origin: SELF, "sec-fetch-site": "same-origin" },
    }),
  ],
  [200, session],
  [200, read(ORG)],
  [403, read(u)],
  [403, post(u, NEW_USER)],
  // Writes need the session's CSRF token and this site's origin; after logout the old cookie is dead.
  [403, post(OUT, undefined, { csrf: "none" })],
  [403, post(OUT, undefined, { csrf: "wrong" })],
  [403, post(OUT, undefined, { headers: EVIL })],
  [200, post(OUT)],
  [401, session],
  [401, post(OUT)],
  [200, login(DEMO.editor.username, DEMO.editor.password)],
  [403, read(u)],
  [200, read(contract.getIncident.path.replace(":incidentId", "inc-3"))],
  [200, login(DEMO.admin.username, DEMO.admin.password)],
  // Users, as an admin.
  [200, read(u)],
  [200, read(`${u}?limit=2&offset=1`)],
  [400, read(`${u}?limit=0&role=admin`)],
  [403, post(u, NEW_USER, { csrf: "none" })],
  [200, post(u, NEW_USER)],
  [409, post(u, { ...NEW_USER, username: " Carol ", role: "viewer" })],
  [400, post(u, { username: "x", displayName: " ", role: "owner", password: "short", extra: 1 })],
  [
    413,
    post(u, undefined, {
      raw: {
        text: JSON.stringify({ ...NEW_USER, displayName: "x".repeat(70_000) }),
        type: "application/json",
      },
    }),
  ],
  [200, patch("carol", { version: 1, displayName: "Carol C." })],
  // A stale version: 409 with the record as it is now.
  [409, patch("carol", { version: 1, role: "viewer" })],
  [400, patch("carol", { version: 2 })],
  [404, { method: "PATCH", path: `${u}/usr-doesnotexist0`, body: { version: 1, displayName: "x" } }],
  [400, { method: "PATCH", path: `${u}/BAD`, body: { version: 1, displayName: "x" } }],
  [403, patch("carol", { version: 2, displayName: "C" }, { csrf: "wrong" })],
  // The last active admin can be neither demoted nor disabled.
  [400, patch("demo-admin", { version: 1, role: "viewer" })],
  [400, patch("demo-admin", { version: 1, role: "editor", disabled: true })],
  [200, patch("carol", { version: 2, role: "admin" })],
  [200, patch("demo-viewer", { version: 1, disabled: true })],
  // Disabled: the right password no longer signs in (the admin's own session is unaffected).
  [401, login(DEMO.viewer.username, DEMO.viewer.password)],
  [200, read(u)],
  [200, patch("carol", { version: 3, password: CAROL_NEW })],
  [401, login("carol", NEW_USER.password)],
  [200, login("carol", CAROL_NEW)],
  [200, session],
  [200, patch("demo-admin", { version: 1, role: "viewer" })],
  [400, patch("carol", { version: 4, role: "editor" })],
  // Throttling per account and address (src/shared/access.ts, signInWait): five failures go at once;
  // after that each attempt waits, even with the right password, and each further failure doubles the
  // wait (1 s, 2 s…). Other accounts are not affected. (The limits per account over all addresses and per
  // address over all accounts, at 50 and 100 attempts, are in auth.test.ts: a hundred password checks
  // per side would make this script take minutes.)
  ...times(5, (): [number, TStep] => [401, wrong(DEMO.editor.username)]),
  [429, login(DEMO.editor.username, DEMO.editor.password)],
  [401, { ...wrong(DEMO.editor.username), advance: 1_000 }],
  [429, login(DEMO.editor.username, DEMO.editor.password, { advance: 1_000 })],
  [200, login("carol", CAROL_NEW)],
  [200, login(DEMO.editor.username, DEMO.editor.password, { advance: 1_000 })],
  // A success forgives its pair's failures: five more go at once again, and the sixth attempt waits.
  ...times(5, (): [number, TStep] => [401, wrong("carol")]),
  [429, login("carol", CAROL_NEW)],
  [200, login("carol", CAROL_NEW, { advance: 1_000 })],
  ...times(4, (): [number, TStep] => [401, wrong("carol")]),
  [200, login("carol", CAROL_NEW)],
  // Changing one's own password: the current one must be right (a wrong one counts as a failed sign-in),
  // the new one must follow the rules and not name the user; the session stays, the old password is dead.
  [400, post(PW, { currentPassword: CAROL_NEW, newPassword: "short" })],
  [400, post(PW, { currentPassword: CAROL_NEW })],
  [403, post(PW, { currentPassword: CAROL_NEW, newPassword: CAROL_NEWER }, { csrf: "none" })],
  [422, post(PW, { currentPassword: "not the password at all", newPassword: CAROL_NEWER })],
  [422, post(PW, { currentPassword: CAROL_NEW, newPassword: "carol carol carol 2025" })],
  [200, post(PW, { currentPassword: CAROL_NEW, newPassword: CAROL_NEWER })],
  [200, session],
  [401, login("carol", CAROL_NEW)],
  [200, login("carol", CAROL_NEWER)],
  // Five wrong guesses of the current password go at once; the sixth attempt waits, even the right one.
  ...times(5, (): [number, TStep] => [
    422,
    post(PW, { currentPassword: "not the password at all", newPassword: CAROL_NEW }),
  ]),
  [429, post(PW, { currentPassword: CAROL_NEWER, newPassword: CAROL_NEW })],
  [200, post(PW, { currentPassword: CAROL_NEWER, newPassword: CAROL_NEW }, { advance: 1_000 })],
  [200, login(DEMO.editor.username, DEMO.editor.password)],
  // Idle timeout (12 hours, sliding) ...
  [200, { ...session, advance: 11 * HOUR + 59 * MINUTE }],
  [200, { ...session, advance: 11 * HOUR + 59 * MINUTE }],
  [401, { ...session, advance: 12 * HOUR }],
  // ... and the absolute lifetime (7 days), however active the session is.
  [200, login(DEMO.editor.username, DEMO.editor.password)],
  ...times(14, (): [number, TStep] => [200, { ...session, advance: 11 * HOUR + 59 * MINUTE }]),
  [401, { ...session, advance: 11 * HOUR + 59 * MINUTE }],
];

const script = scriptWithStatuses.map(([, step]) => step);

const stepLabel = (s: TStep, path: string) =>
  `${s.advance ? `+${s.advance / 1000}s ` : ""}${s.method} ${path}${s.body ? ` ${JSON.stringify(s.body)}` : ""}`;

/** Replaces what is random on each side: tokens, user ids, creation times. */
const normalise = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(record).map(([key, v]) => {
        if (key === "csrfToken" && typeof v === "string") return [key, "<csrf token>"];
        if (key === "createdAt" && typeof v === "string") return [key, "<created at>"];
        if (key === "id" && typeof record.username === "string") return [key, `<id of ${record.username}>`];
        return [key, normalise(v)];
      }),
    );
  }
  return value;
};

const runScript = async (
  origin: string,
  send: (path: string, init: RequestInit) => Promise<Response>,
  idOf: (username: string) => string | Promise<string>,
): Promise<TStepAnswer[]> => {
  vi.setSystemTime(NOW);
  let cookie = "";
  let csrfToken = "";
  const out: TStepAnswer[] = [];
  try {
    for (const s of script) {
      if (s.advance) vi.setSystemTime(new Date(Date.now() + s.advance));
      const ids = new Map<string, string>();
      if (typeof s.path !== "string") {
        // Resolve each username the path names before building it (idOf may be async).
        const names: string[] = [];
        s.path((name) => {
          names.push(name);
          return "";
        });
        for (const name of names) ids.set(name, await idOf(name));
      }
      const path = typeof s.path === "string" ? s.path : s.path((name) => ids.get(name) ?? "");
      const headers: Record<string, string> = { ...(cookie ? { cookie } : {}) };
      for (const [name, value] of Object.entries(s.headers ?? {}))
        headers[name] = value === SELF ? origin : value;
      const csrf = s.csrf ?? "session";
      if (csrf === "session") headers[CSRF_HEADER] = csrfToken;
      if (csrf === "wrong") headers[CSRF_HEADER] = "not-the-session-token";
      let body: string | undefined;
      if (s.raw) {
        body = s.raw.text;
        headers["content-type"] = s.raw.type;
      } else if (s.body !== undefined) {
        body = JSON.stringify(s.body);
        headers["content-type"] = "application/json";
      }
      const res = await send(path, { method: s.method, headers, ...(body === undefined ? {} : { body }) });
      const retryAfter = res.headers.get("retry-after");
      const set = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      if (set.startsWith(`${SESSION_COOKIE}=`) && set.length > SESSION_COOKIE.length + 1) cookie = set;
      const a = await answer(res);
      const token = (a.body as { csrfToken?: unknown } | null)?.csrfToken;
      if (a.status === 200 && typeof token === "string") csrfToken = token;
      out.push({
        step: stepLabel(s, path.replace(/usr-[a-z0-9]+/g, "usr-…")),
        ...a,
        retryAfter,
        body: normalise(a.body),
      });
    }
  } finally {
    vi.setSystemTime(NOW);
  }
  return out;
};
