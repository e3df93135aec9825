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

describe("the case figures", () => {
  it("affected: 46 + 1,860 + 3 = 1,909 (延べ)", async () => {
    const stats = await get("getAffectedStats");
    expect(stats.incidents.map((i) => [i.incidentId, i.total])).toEqual([
      ["inc-1", 46],
      ["inc-2", 1860],
      ["inc-3", 3],
    ]);
    expect(stats.cumulativeReported).toBe(1909);
    expect(stats.incidentsWithUnreportedCounts).toBe(0);
    expect(stats.byService.map((p) => [p.serviceId, p.reportedTotal, p.incidentCount])).toEqual([
      ["prod-medical", 44, 1],
      ["prod-oyako", 1, 1],
      ["prod-liability-topup", 1864, 3],
    ]);
    expect((await get("getAffectedStats", { fiscalYear: 2024 })).cumulativeReported).toBe(0);
    const overview = await get("getOverview", { asOf: AS_OF });
    expect(overview.affected.cumulativeReported).toBe(1909);
  });

  it("remediation: financial 1,863 members, 1,860 done, 3 not reported, 372,000 yen", async () => {
    const stats = await get("getRemediationStats");
    expect(stats.financial).toEqual({
      members: 1863,
      done: 1860,
      remaining: 0,
      notReported: 3,
      owedYen: 372_000,
      doneYen: 372_000,
      peopleWithUnknownAmount: 3,
    });
    expect(stats.notification).toMatchObject({ members: 46, done: 0, notReported: 46 });
    const refund = stats.cohorts.find((c) => c.cohortId === "coh-3-refund");
    expect(refund).toMatchObject({
      members: 3,
      done: null,
      notReported: 3,
      amountPerPersonYen: null,
      owedYen: null,
    });
    // The 1,854's split was never reported: the sub-groups carry no members and count nowhere.
    const sub = stats.cohorts.filter((c) => c.parentId === "coh-2-corrected");
    expect(sub.map((c) => [c.cohortId, c.members, c.notReported])).toEqual([
      ["coh-2-before-close", null, 0],
      ["coh-2-offset", null, 0],
    ]);
    const onlyInc3 = await get("getRemediationStats", { incidentId: "inc-3" });
    expect(onlyInc3.financial).toMatchObject({ members: 3, done: 0, notReported: 3, owedYen: 0 });
    expect(onlyInc3.notification.members).toBe(0);
  });

  it("timeline: 1,854 on 2025-07-25, then cumulative 1,860 / 372,000 yen on 2025-08-15", async () => {
    const { points } = await get("getRemediationTimeline");
    expect(points).toEqual([
      {
        date: "2025-07-25",
        cohortId: "coh-2-corrected",
        incidentId: "inc-2",
        doneDelta: 1854,
        doneYenDelta: 370_800,
        cumulativeDone: 1854,
        cumulativeDoneYen: 370_800,
      },
      {
        date: "2025-08-15",
        cohortId: "coh-2-failed",
        incidentId: "inc-2",
        doneDelta: 6,
        doneYenDelta: 1200,
        cumulativeDone: 1860,
        cumulativeDoneYen: 372_000,
      },
    ]);
    expect((await get("getRemediationTimeline", { incidentId: "inc-1" })).points).toEqual([]);
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
      membersAffectedReported: 1909,
      medianDaysDetectionToOrganisation: 119,
      medianDaysOccurrenceToOrganisation: 81,
      medianDaysToBoard: 83.5,
      remediationMembers: 1909,
      remediationDone: 1860,
      remediationNotReported: 49,
      commitments: 5,
      regulatoryActionsLast24Months: 5,
    });
    expect(rows[1]).toMatchObject({
      vendorId: "partners",
      incidents: 1,
      medianDaysToBoard: null,
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
    expect(overview.incidents).toEqual({ total: 3, open: 3 });
    expect(overview.remediation.financial.doneYen).toBe(372_000);
    expect(overview.remediation.notification.notReported).toBe(46);
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
    expect(list.items.map((i) => [i.id, i.affectedTotal, i.firstDate])).toEqual([
      ["inc-1", 46, "2025-04-17"],
      ["inc-2", 1860, "2025-07-15"],
      ["inc-3", 3, "2025-07"],
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
    expect(await get("health")).toEqual({ status: "ok", database: "pglite", version: "0.1.0" });
    expect(await get("openapi")).toEqual(buildOpenApiDocument());
  });
});

describe("the dataset stays as it is", () => {
  it("returns copies: changing an answer changes nothing served later", async () => {
    const first = await get("getIncident", undefined, { incidentId: "inc-1" });
    first.affected.length = 0;
    const again = await get("getIncident", undefined, { incidentId: "inc-1" });
    expect(again).toEqual(case2025.incidents[0]);
    expect(frozen).toEqual(case2025);
  });
});
