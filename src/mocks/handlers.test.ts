import { setupServer } from "msw/node";
import { signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { contract, type TEndpointName, type TResponseOf } from "@/shared/contract";
import { buildUrl } from "@/shared/http";
import { buildOpenApiDocument } from "@/shared/openapi";
import type { TDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

// A frozen copy: a mock that writes to the dataset throws instead of silently changing the demo.
const frozen = deepFreeze(structuredClone(case2025) as TDataset);
const server = setupServer(...createHandlers(frozen));
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  // Reads need a session; sign-in itself is tested in auth.test.ts.
  signInMock("viewer");
});
afterAll(() => server.close());

const BASE = "http://mock.test";
const AS_OF = "2025-10-01";

const get = async <N extends TEndpointName>(
  name: N,
  query?: Record<string, string | number>,
  params?: Record<string, string>,
): Promise<TResponseOf<N>> => {
  const res = await fetch(BASE + buildUrl(contract[name], params, query));
  expect(res.status, `${name} ${JSON.stringify({ params, query })}`).toBe(200);
  return (await res.json()) as TResponseOf<N>;
};

/** The one total the demo has: members (名), every part exact. */
const members = (value: number) => ({
  unit: "people",
  populationId: "members",
  value,
  complete: true,
  unreportedParts: 0,
  confirmedNone: false,
});

/** One row of remediation totals for the members. */
const remediation = (purpose: "financial" | "notification", figures: Record<string, number>) => ({
  purpose,
  populationId: "members",
  ...figures,
});
/** Incident 3's refunds: 3 members, none reported put right, the amount not reported. */
const INC3_REFUNDS = remediation("financial", {
  people: 3,
  done: 0,
  remaining: 0,
  notReported: 3,
  owedYen: 0,
  doneYen: 0,
  peopleWithUnknownAmount: 3,
});
const FINANCIAL = remediation("financial", {
  people: 1863,
  done: 1860,
  remaining: 0,
  notReported: 3,
  owedYen: 372_000,
  doneYen: 372_000,
  peopleWithUnknownAmount: 3,
});
const NOTIFICATION = remediation("notification", {
  people: 46,
  done: 0,
  remaining: 0,
  notReported: 46,
  owedYen: 0,
  doneYen: 0,
  peopleWithUnknownAmount: 0,
});

describe("the case figures", () => {
  it("affected: 46 + 1,860 + 3 = 1,909 members (延べ); the vendor's records and outside figures apart", async () => {
    const stats = await get("getAffectedStats");
    expect(stats.incidents.map((i) => [i.incidentId, i.totals])).toEqual([
      ["inc-1", [members(46)]],
      ["inc-2", [members(1860)]],
      ["inc-3", [members(3)]],
    ]);
    // People only: the vendor-wide 数百万件 and the press's 1,748万件 are records, never added to members.
    expect(stats.totals).toEqual([members(1909)]);
    expect(stats.incidents[0]?.vendorWide.map((v) => [v.impactId, v.unit, v.count.status])).toEqual([
      ["scope-1-overall", "records", "approximate"],
    ]);
    expect(stats.outside.map((o) => [o.incidentId, o.impactId, o.unit])).toEqual([
      ["inc-1", "scope-1-published", "records"],
    ]);
    expect(
      stats.byService.map((p) => [p.serviceId, p.unit, p.populationId, p.reportedTotal, p.incidentCount]),
    ).toEqual([
      ["prod-medical", "people", "members", 44, 1],
      ["prod-oyako", "people", "members", 1, 1],
      ["prod-liability-topup", "people", "members", 1864, 3],
    ]);
    // No incident in FY2024: no total at all, rather than a 0 that reads as "no one affected".
    const fy2024 = await get("getAffectedStats", { fiscalYear: 2024 });
    expect(fy2024.incidents).toEqual([]);
    expect(fy2024.totals).toEqual([]);
    const overview = await get("getOverview", { asOf: AS_OF });
    expect(overview.affected.totals).toEqual([members(1909)]);
    expect(overview.affected.outside.map((o) => o.impactId)).toEqual(["scope-1-published"]);
  });

  it("remediation: financial 1,863 members, 1,860 done, 3 not reported, 372,000 yen; letters apart", async () => {
    const stats = await get("getRemediationStats");
    // Financial first; the 46 letters are never added to the money put right.
    expect(stats.totals).toEqual([FINANCIAL, NOTIFICATION]);
    const refund = stats.cohorts.find((c) => c.cohortId === "coh-3-refund");
    expect(refund).toMatchObject({
      purpose: "financial",
      people: 3,
      done: null,
      notReported: 3,
      amountPerPersonYen: null,
      owedYen: null,
    });
    expect(stats.cohorts.find((c) => c.cohortId === "coh-1-letters")).toMatchObject({
      purpose: "notification",
      people: 46,
      done: null,
      notReported: 46,
      owedYen: null,
    });
    // The 1,854's split was never reported: the sub-groups carry no people and count nowhere.
    const sub = stats.cohorts.filter((c) => c.parentId === "coh-2-corrected");
    expect(sub.map((c) => [c.cohortId, c.people, c.notReported])).toEqual([
      ["coh-2-before-close", null, 0],
      ["coh-2-offset", null, 0],
    ]);
    const onlyInc3 = await get("getRemediationStats", { incidentId: "inc-3" });
    expect(onlyInc3.totals).toEqual([INC3_REFUNDS]);
  });

  it("timeline: 1,854 on 2025-07-25, then cumulative 1,860 / 372,000 yen on 2025-08-15", async () => {
    const { series } = await get("getRemediationTimeline");
    expect(series.map((s) => [s.purpose, s.populationId])).toEqual([
      ["financial", "members"],
      ["notification", "members"],
    ]);
    // No letter's sending has been reported: the notification series has no point (and never yen).
    expect(series[1]?.points).toEqual([]);
    expect(series[0]?.points).toEqual([
      {
        date: "2025-07-25",
        cohortId: "coh-2-corrected",
        incidentId: "inc-2",
        doneDelta: 1854,
        doneYenDelta: 370_800,
        cumulativeDone: 1854,
        cumulativeDoneYen: 370_800,
        reports: 1,
      },
      {
        date: "2025-08-15",
        cohortId: "coh-2-failed",
        incidentId: "inc-2",
        doneDelta: 6,
        doneYenDelta: 1200,
        cumulativeDone: 1860,
        cumulativeDoneYen: 372_000,
        reports: 1,
      },
    ]);
    expect((await get("getRemediationTimeline", { incidentId: "inc-1" })).series).toEqual([
      { purpose: "notification", populationId: "members", points: [] },
    ]);
  });

  it("intervals: inc-1 detected → association 119 days, occurred → board 128", async () => {
    const { spans, steps } = await get("getIntervalStats", { incidentId: "inc-1" });
    const days = Object.fromEntries(spans.map((s) => [`${s.fromKind}>${s.toKind}`, s.days]));
    expect(days).toEqual({
      "occurred>reported_to_organisation": 123,
      "occurred>reported_to_board": 128,
      "detected>reported_to_organisation": 119,
      "detected>reported_to_board": 124,
    });
    expect(steps).toHaveLength(9);
    expect(steps.every((s) => s.days >= 0)).toBe(true);
    // 資料3's month-only date and inc-3's "2025-07" never enter a day count.
    const all = await get("getIntervalStats");
    expect(all.spans.filter((s) => s.incidentId === "inc-3")).toEqual([]);
    expect(all.steps.filter((s) => s.incidentId === "inc-3")).toEqual([]);
  });

  it("scorecard: sompo FY2025 median 81 days to the association, 83.5 to the board", async () => {
    const { rows, asOf } = await get("getVendorScorecards", { fiscalYear: 2025, asOf: AS_OF });
    expect(asOf).toBe(AS_OF);
    expect(rows.map((r) => r.vendorId)).toEqual(["sompo", "partners"]);
    expect(rows[0]).toMatchObject({
      vendorId: "sompo",
      incidents: 3,
      incidentIds: ["inc-1", "inc-2", "inc-3"],
      incidentsViaSubcontractors: 0,
      affected: [members(1909)],
      incidentsWithUnreportedCounts: 0,
      medianDaysDetectionToOrganisation: 119,
      medianDaysOccurrenceToOrganisation: 81,
      medianDaysToBoard: 83.5,
      // Money put right and letters sent, each its own figure (never 1,909 "remediated").
      remediation: [FINANCIAL, NOTIFICATION],
      commitments: 5,
      commitmentsWithDueDate: 0,
      regulatoryActionsLast24Months: 5,
    });
    expect(rows[1]).toMatchObject({
      vendorId: "partners",
      incidents: 1,
      incidentIds: ["inc-3"],
      affected: [members(3)],
      medianDaysToBoard: null,
      remediation: [INC3_REFUNDS],
      commitments: 1,
    });
    // Twenty-four months before 2026-01-01 excludes the December 2023 order.
    const later = await get("getVendorScorecards", { fiscalYear: 2025, asOf: "2026-01-01" });
    expect(later.rows[0]?.regulatoryActionsLast24Months).toBe(4);
    const empty = await get("getVendorScorecards", { fiscalYear: 2024, asOf: AS_OF });
    expect(empty.rows.map((r) => [r.vendorId, r.incidents, r.medianDaysToBoard])).toEqual([
      ["sompo", 0, null],
      ["partners", 0, null],
    ]);
    const byYear = await get("getVendorScorecards", { asOf: AS_OF });
    expect(byYear.rows.map((r) => `${r.vendorId}:${r.fiscalYear}`)).toEqual(["sompo:2025", "partners:2025"]);
  });

  it("commitments: 5 in total, none with a due date, so none overdue", async () => {
    const stats = await get("getCommitmentStats", { asOf: AS_OF });
    expect(stats).toMatchObject({ asOf: AS_OF, total: 5, overdue: 0, dueWithin14Days: 0, withoutDueDate: 5 });
    expect(stats.byStatus).toEqual([
      { status: "open", count: 3 },
      { status: "in_progress", count: 2 },
      { status: "vendor_reported_done", count: 0 },
      { status: "verified", count: 0 },
      { status: "reopened", count: 0 },
    ]);
    expect((await get("getCommitmentStats", { asOf: AS_OF, vendorId: "partners" })).total).toBe(1);
    const list = await get("listCommitments", { asOf: AS_OF });
    expect(list.total).toBe(5);
    expect(list.items.every((c) => c.dueDate === null && c.overdue === false)).toBe(true);
    expect((await get("listCommitments", { overdue: "true", asOf: AS_OF })).total).toBe(0);
    expect((await get("listCommitments", { dueBefore: "2100-01-01" })).total).toBe(0);
  });

  it("overview: 3 open incidents, financial and notification totals, the latest meeting", async () => {
    const overview = await get("getOverview", { asOf: AS_OF });
    expect(overview.cases).toEqual({ total: 1, open: 1 });
    expect(overview.portfolio.map((c) => [c.caseId, c.incidents, c.openIncidents, c.vendorIds])).toEqual([
      ["case-2025-insurance", 3, 3, ["sompo", "partners"]],
    ]);
    expect(overview.portfolio[0]).toMatchObject({
      affected: [members(1909)],
      remediation: [FINANCIAL, NOTIFICATION],
    });
    expect(overview.incidents).toEqual({ total: 3, open: 3 });
    expect(overview.remediation).toEqual([FINANCIAL, NOTIFICATION]);
    expect(overview.commitments).toEqual({
      total: 5,
      open: 5,
      vendorReportedDone: 0,
      verified: 0,
      overdue: 0,
    });
    expect(overview.latestMeeting?.id).toBe("mtg-2025-03");
  });
});

describe("lists and details", () => {
  it("summarises incidents, with month-only dates sorting before their days", async () => {
    const list = await get("listIncidents");
    expect(list.items.map((i) => [i.id, i.caseId, i.affected, i.firstDate])).toEqual([
      ["inc-1", "case-2025-insurance", [members(46)], "2025-04-17"],
      ["inc-2", "case-2025-insurance", [members(1860)], "2025-07-15"],
      ["inc-3", "case-2025-insurance", [members(3)], "2025-07"],
    ]);
    const partners = await get("listIncidents", { vendorId: "partners" });
    expect(partners.items.map((i) => i.id)).toEqual(["inc-3"]);
    const paged = await get("listIncidents", { limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(paged.items.map((i) => i.id)).toEqual(["inc-2"]);
  });

  it("orders regulatory actions newest first and filters by date", async () => {
    const since = await get("listRegulatoryActions", { since: "2025-01-01" });
    expect(since.items.map((a) => a.id)).toEqual(["reg-2025-06-13", "reg-2025-03-24"]);
    const vendor = await get("getVendor", undefined, { vendorId: "sompo" });
    expect(vendor.regulatoryActions.map((a) => a.date)).toEqual([
      "2025-06-13",
      "2025-03-24",
      "2024-10-31",
      "2024-01-25",
      "2023-12-26",
    ]);
    expect((await get("getVendor", undefined, { vendorId: "partners" })).regulatoryActions).toEqual([]);
  });

  it("lists who cites a document, by citation kind", async () => {
    const doc4 = await get("getDocument", undefined, { documentId: "doc-4" });
    expect(doc4.citedBy.map((c) => `${c.kind}:${c.id}`)).toEqual([
      "incident:inc-2",
      "impact:scope-2-members",
      "milestone:m2-occurred",
      "milestone:m2-report",
      "milestone:m2-board",
      "cohort:coh-2-failed",
      "cohort:coh-2-corrected",
      "cohort:coh-2-before-close",
      "cohort:coh-2-offset",
      "progress:p2-failed-rebilled",
      "progress:p2-corrected",
      "meeting:mtg-2025-03",
    ]);
    const doc3 = await get("getDocument", undefined, { documentId: "doc-3" });
    expect(doc3.citedBy.map((c) => `${c.kind}:${c.id}:${c.parentId}`)).toEqual([
      "incident:inc-1:null",
      "cohort:coh-1-letters:inc-1",
      "commitment:cmt-1-letters:null",
    ]);
    const fsa = await get("getDocument", undefined, { documentId: "ctx-fsa-2023" });
    expect(fsa.citedBy).toEqual([
      {
        kind: "regulatory_action",
        id: "reg-2023-12-26",
        parentId: "sompo",
        label: case2025.regulatoryActions[0]?.action,
      },
    ]);
  });

  it("serves health and the OpenAPI document", async () => {
    // Health says only that it answers: nothing about the database or the version to an anonymous caller.
    expect(await get("health")).toEqual({ status: "ok" });
    expect(await get("openapi")).toEqual(buildOpenApiDocument());
  });
});

describe("the dataset stays as it is", () => {
  it("returns copies: changing an answer changes nothing served later", async () => {
    const first = await get("getIncident", undefined, { incidentId: "inc-1" });
    first.impact.length = 0;
    const again = await get("getIncident", undefined, { incidentId: "inc-1" });
    expect(again).toEqual(case2025.incidents[0]);
    expect(frozen).toEqual(case2025);
  });
});
