import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { as, ensureTestUser, signIn, type TSignedIn } from "@/server/test/auth";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { getOk, type TRequester } from "@/server/test/request";
import { statsReads } from "@/shared/reads/stats";
import type { TIncident } from "@/shared/schemas/incident";
import type {
  TAffectedStats,
  TCommitmentStats,
  TFiscalYears,
  TIntervalStats,
  TOverview,
  TRemediationStats,
  TRemediationTimeline,
  TVendorScorecard,
} from "@/shared/schemas/stats";
import { case2025 } from "@/shared/seed/case-2025";
import { readOf } from "@/shared/seed/fixtures/read";
import { scaleDataset } from "../../../scripts/scale-dataset";

// The aggregates of the 2025 case against the figures of the association's notice (FACTS.md).

const title = (incidentId: string) => case2025.incidents.find((i) => i.id === incidentId)?.title;

const financial = {
  purpose: "financial",
  populationId: "members",
  // 6 re-billed + 1,854 corrected + 3 billed twice; 200 yen too much each for the 1,860.
  people: 1863,
  done: 1860,
  remaining: 0,
  notReported: 3,
  owedYen: 372_000,
  doneYen: 372_000,
  peopleWithUnknownAmount: 3,
};
// How many of the 46 apology letters went out is not reported: 46 not reported, never "0 done"; and
// letters are never added to money put right (a row of their own).
const notification = {
  purpose: "notification",
  populationId: "members",
  people: 46,
  done: 0,
  remaining: 0,
  notReported: 46,
  owedYen: 0,
  doneYen: 0,
  peopleWithUnknownAmount: 0,
};

/** An exact total of members (名): every part reported. */
const members = (value: number) => ({
  unit: "people",
  populationId: "members",
  value,
  complete: true,
  unreportedParts: 0,
  confirmedNone: false,
});

describe.each(testEngines)("stats on %s", (engine) => {
  let t: TTestDb;
  let app: TRequester;
  let viewer: TSignedIn;
  beforeAll(async () => {
    t = await openTestDb({ engine });
    const server = createApp({ db: t.db, log: () => undefined });
    await ensureTestUser(t.db, "viewer");
    viewer = await signIn(server, "test-viewer");
    app = as(server, viewer);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("/stats/affected: 1,909 members affected in all (46 + 1,860 + 3), 46 = 44 + 1 + 1", async () => {
    const stats = await getOk<TAffectedStats>(app, "/api/v1/stats/affected");
    // Members only: the press figure of records (outside the record) is beside the totals, never in them.
    expect(stats.totals).toEqual([members(1909)]);
    expect(stats.outside.map((o) => [o.incidentId, o.impactId, o.unit, o.count.status])).toEqual([
      ["inc-1", "scope-1-published", "records", "approximate"],
    ]);
    expect(stats.incidents.map((i) => [i.incidentId, i.number, i.totals])).toEqual([
      ["inc-1", 1, [members(46)]],
      ["inc-2", 2, [members(1860)]],
      ["inc-3", 3, [members(3)]],
    ]);
    expect(stats.scope).toMatchObject({ caseIds: ["case-2025-insurance"], caseStatus: "open" });
    expect(stats.incidents[0]?.title).toEqual(title("inc-1"));
    const inc1 = case2025.incidents[0];
    expect(stats.incidents[0]?.byService.map((p) => [p.serviceId, p.unit, p.populationId, p.count])).toEqual(
      inc1?.impact
        .filter((e) => e.scope === "ours" && !e.outsideRecord && e.serviceId !== null)
        .map((e) => [e.serviceId, "people", "members", e.count]),
    );
    expect(stats.incidents[0]?.byService.map((p) => p.serviceName.en)).toEqual([
      "New group medical insurance",
      "Oyako no Chikara (parent-and-child plan)",
      "OT liability insurance, top-up plan",
    ]);
    // The insurer's whole extent (all its clients, several million records) stays beside, as context.
    expect(stats.incidents[0]?.vendorWide.map((v) => [v.impactId, v.unit, v.count.status])).toEqual([
      ["scope-1-overall", "records", "approximate"],
    ]);
    expect(stats.byService.map((p) => [p.serviceId, p.unit, p.reportedTotal, p.incidentCount])).toEqual([
      ["prod-medical", "people", 44, 1],
      ["prod-oyako", "people", 1, 1],
      ["prod-liability-topup", "people", 1 + 1860 + 3, 3],
    ]);
  });

  it("/stats/fiscal-years: the years that have an incident, each once, newest first", async () => {
    expect(await getOk<TFiscalYears>(app, "/api/v1/stats/fiscal-years")).toEqual({ years: [2025] });
  });

  it("/stats/affected?fiscalYear filters the incidents", async () => {
    const stats = await getOk<TAffectedStats>(app, "/api/v1/stats/affected?fiscalYear=2024");
    expect(stats).toMatchObject({
      scope: { fiscalYear: 2024, incidentIds: [] },
      incidents: [],
      totals: [],
      outside: [],
      byService: [],
    });
    const fy2025 = await getOk<TAffectedStats>(app, "/api/v1/stats/affected?fiscalYear=2025");
    expect(fy2025.totals).toEqual([members(1909)]);
    expect(fy2025.scope.incidentIds).toEqual(["inc-1", "inc-2", "inc-3"]);
  });

  it("/stats/remediation: per cohort and the totals per purpose and population", async () => {
    const stats = await getOk<TRemediationStats>(app, "/api/v1/stats/remediation");
    expect(stats.totals).toEqual([financial, notification]);
    expect(
      stats.cohorts.map((c) => [
        c.cohortId,
        c.parentId,
        c.people,
        c.done,
        c.remaining,
        c.notReported,
        c.amountPerPersonYen,
        c.owedYen,
        c.doneYen,
        c.lastReportDate,
      ]),
    ).toEqual([
      ["coh-1-letters", null, 46, null, null, 46, null, null, null, null],
      ["coh-2-failed", null, 6, 6, 0, 0, 200, 1200, 1200, "2025-08-15"],
      ["coh-2-corrected", null, 1854, 1854, 0, 0, 200, 370_800, 370_800, "2025-07-25"],
      // The split of the 1,854 is not reported: neither sub-group has a count.
      ["coh-2-before-close", "coh-2-corrected", null, null, null, 0, 200, null, null, null],
      ["coh-2-offset", "coh-2-corrected", null, null, null, 0, 200, null, null, null],
      ["coh-3-refund", null, 3, null, null, 3, null, null, null, null],
    ]);
    expect(stats.cohorts[0]).toMatchObject({
      purpose: "notification",
      populationId: "members",
      incidentId: "inc-1",
      caseId: "case-2025-insurance",
      incidentNumber: 1,
      status: "in_progress",
      label: case2025.cohorts[0]?.label,
    });
  });

  it("/stats/remediation names the incidents of each purpose and the groups not reported", async () => {
    const stats = await getOk<TRemediationStats>(app, "/api/v1/stats/remediation");
    const nameOf = (cohortId: string) => {
      const c = stats.cohorts.find((x) => x.cohortId === cohortId);
      return c && { cohortId, incidentId: c.incidentId, incidentNumber: c.incidentNumber, label: c.label };
    };
    expect(stats.purposes).toEqual([
      {
        purpose: "financial",
        groups: 3,
        incidents: [
          { incidentId: "inc-2", number: 2 },
          { incidentId: "inc-3", number: 3 },
        ],
        incidentCount: 2,
      },
      {
        purpose: "notification",
        groups: 1,
        incidents: [{ incidentId: "inc-1", number: 1 }],
        incidentCount: 1,
      },
    ]);
    expect(stats.unreported).toEqual([
      { purpose: "financial", populationId: "members", groups: [nameOf("coh-3-refund")], count: 1 },
      { purpose: "notification", populationId: "members", groups: [nameOf("coh-1-letters")], count: 1 },
    ]);
  });

  it("/stats/remediation?groups lists that many top-level groups per purpose, each with its sub-groups", async () => {
    const all = await getOk<TRemediationStats>(app, "/api/v1/stats/remediation");
    const one = await getOk<TRemediationStats>(app, "/api/v1/stats/remediation?groups=1");
    expect(one.cohorts.map((c) => c.cohortId)).toEqual(["coh-1-letters", "coh-2-failed"]);
    const two = await getOk<TRemediationStats>(app, "/api/v1/stats/remediation?groups=2");
    expect(two.cohorts.map((c) => c.cohortId)).toEqual([
      "coh-1-letters",
      "coh-2-failed",
      "coh-2-corrected",
      "coh-2-before-close",
      "coh-2-offset",
    ]);
    // The figures and counts are of every group, listed or not.
    for (const bounded of [one, two]) {
      expect(bounded.totals).toEqual(all.totals);
      expect(bounded.purposes).toEqual(all.purposes);
      expect(bounded.unreported).toEqual(all.unreported);
    }
    expect((await getOk<TRemediationStats>(app, "/api/v1/stats/remediation?groups=3")).cohorts).toEqual(
      all.cohorts,
    );
    for (const bad of ["0", "-1", "abc", "501"]) {
      const res = await app.request(`/api/v1/stats/remediation?groups=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("/stats/remediation?incidentId narrows cohorts and totals", async () => {
    const inc3 = await getOk<TRemediationStats>(app, "/api/v1/stats/remediation?incidentId=inc-3");
    expect(inc3.cohorts.map((c) => c.cohortId)).toEqual(["coh-3-refund"]);
    // Only the purpose it has: no notification row of zeros.
    expect(inc3.totals).toEqual([
      {
        ...financial,
        people: 3,
        done: 0,
        remaining: 0,
        notReported: 3,
        owedYen: 0,
        doneYen: 0,
        peopleWithUnknownAmount: 3,
      },
    ]);
    const none = await getOk<TRemediationStats>(app, "/api/v1/stats/remediation?incidentId=inc-404");
    expect(none.cohorts).toEqual([]);
    expect(none.totals).toEqual([]);
  });

  it("/stats/remediation-timeline: 1,854 on 07-25, then 6 more on 08-15 (1,860, 372,000 yen)", async () => {
    const timeline = await getOk<TRemediationTimeline>(app, "/api/v1/stats/remediation-timeline");
    expect(timeline.series).toEqual([
      {
        purpose: "financial",
        populationId: "members",
        points: [
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
        ],
      },
      // The letters: a series of their own, with no point (how many went out is not reported).
      { purpose: "notification", populationId: "members", points: [] },
    ]);
    // The names of the groups the points name, and no other.
    expect(timeline.groups.map((g) => [g.cohortId, g.incidentNumber])).toEqual([
      ["coh-2-failed", 2],
      ["coh-2-corrected", 2],
    ]);
    const inc1 = await getOk<TRemediationTimeline>(
      app,
      "/api/v1/stats/remediation-timeline?incidentId=inc-1",
    );
    expect(inc1.series).toEqual([{ purpose: "notification", populationId: "members", points: [] }]);
  });

  it("/stats/commitments counts every status, zeros included", async () => {
    expect(await getOk<TCommitmentStats>(app, "/api/v1/stats/commitments?asOf=2025-09-30")).toEqual({
      asOf: "2025-09-30",
      byStatus: [
        { status: "open", count: 3 },
        { status: "in_progress", count: 2 },
        { status: "vendor_reported_done", count: 0 },
        { status: "verified", count: 0 },
        { status: "reopened", count: 0 },
      ],
      total: 5,
      overdue: 0,
      dueWithin14Days: 0,
      withoutDueDate: 5,
    });
    const partners = await getOk<TCommitmentStats>(
      app,
      "/api/v1/stats/commitments?vendorId=partners&asOf=2025-09-30",
    );
    expect([partners.total, partners.byStatus.find((s) => s.status === "in_progress")?.count]).toEqual([
      1, 1,
    ]);
  });

  it("/stats/intervals: detected → association 119 days, occurred → board 128 (incident 1)", async () => {
    const stats = await getOk<TIntervalStats>(app, "/api/v1/stats/intervals");
    const span = (incidentId: string, from: string, to: string) =>
      stats.spans.find((s) => s.incidentId === incidentId && s.fromKind === from && s.toKind === to);
    expect(span("inc-1", "detected", "reported_to_organisation")).toEqual({
      incidentId: "inc-1",
      fromMilestoneId: "m1-detected",
      toMilestoneId: "m1-report",
      fromKind: "detected",
      toKind: "reported_to_organisation",
      fromDate: "2025-04-21",
      toDate: "2025-08-18",
      days: 119,
      outsideRecord: true,
    });
    expect(span("inc-1", "occurred", "reported_to_board")?.days).toBe(128);
    expect(stats.spans.map((s) => [s.incidentId, s.fromKind, s.toKind, s.days, s.outsideRecord])).toEqual([
      ["inc-1", "occurred", "reported_to_organisation", 123, true],
      ["inc-1", "occurred", "reported_to_board", 128, true],
      ["inc-1", "detected", "reported_to_organisation", 119, true],
      ["inc-1", "detected", "reported_to_board", 124, true],
      ["inc-2", "occurred", "reported_to_organisation", 39, false],
      ["inc-2", "occurred", "reported_to_board", 39, false],
      // Incident 3 "occurred" only in July (month-only): no span from it.
    ]);
    // Steps: consecutive day-precise milestones; same-day ties by kind order (report before board).
    expect(
      stats.steps
        .filter((s) => s.incidentId === "inc-2")
        .map((s) => [s.fromMilestoneId, s.toMilestoneId, s.days]),
    ).toEqual([
      ["m2-occurred", "m2-report", 39],
      ["m2-report", "m2-board", 0],
    ]);
    expect(stats.steps.filter((s) => s.incidentId === "inc-3")).toEqual([]);
    expect(stats.steps.filter((s) => s.incidentId === "inc-1")).toHaveLength(9);
    expect(stats.steps[0]).toMatchObject({
      fromMilestoneId: "m1-occurred",
      toMilestoneId: "m1-detected",
      days: 4,
    });
    // The case's course: from the intrusion's first day to incident 3's report, never across cases.
    expect(stats.cases).toEqual([
      { caseId: "case-2025-insurance", firstDate: "2025-04-17", lastDate: "2025-09-05", days: 141 },
    ]);
    // Every milestone in scope, each incident's in timeline order, month-only dates included.
    expect(stats.milestones.map((m) => m.id)).toEqual([
      "m1-occurred",
      "m1-detected",
      "m1-first-notice",
      "m1-full-notice",
      "m1-announcement",
      "m1-fsa-order",
      "m1-member-notice",
      "m1-officers",
      "m1-report",
      "m1-board",
      "m2-occurred",
      "m2-report",
      "m2-board",
      "m3-occurred",
      "m3-report",
    ]);
    const only3 = await getOk<TIntervalStats>(app, "/api/v1/stats/intervals?incidentId=inc-3");
    expect(only3).toMatchObject({ steps: [], spans: [] });
    // Incident 3's milestones are month-only or a single day: listed, but no step or span.
    expect(only3.milestones.map((m) => [m.id, m.incidentId])).toEqual([
      ["m3-occurred", "inc-3"],
      ["m3-report", "inc-3"],
    ]);
  });

  it("/stats/overview gives the headline figures", async () => {
    const overview = await getOk<TOverview>(app, "/api/v1/stats/overview?asOf=2025-09-30");
    const { portfolio, sources, ...rest } = overview;
    // The source line names the case's own documents, those of the record before those outside it.
    expect(sources.map((d) => [d.id, d.outsideRecord])).toEqual(
      [...sources]
        .sort((a, b) => Number(a.outsideRecord) - Number(b.outsideRecord))
        .map((d) => [d.id, d.outsideRecord]),
    );
    expect(sources.map((d) => d.id)).toEqual(expect.arrayContaining(["notice", "doc-1", "doc-5"]));
    expect(rest).toEqual({
      scope: {
        asOf: "2025-09-30",
        caseIds: ["case-2025-insurance"],
        incidentIds: ["inc-1", "inc-2", "inc-3"],
        vendorId: null,
        fiscalYear: null,
        caseStatus: "open",
      },
      asOf: "2025-09-30",
      cases: { total: 1, open: 1 },
      incidents: { total: 3, open: 3 },
      affected: {
        totals: [members(1909)],
        outside: [expect.objectContaining({ incidentId: "inc-1", impactId: "scope-1-published" })],
        byIncident: [
          {
            incidentId: "inc-1",
            caseId: "case-2025-insurance",
            number: 1,
            title: title("inc-1"),
            totals: [members(46)],
          },
          {
            incidentId: "inc-2",
            caseId: "case-2025-insurance",
            number: 2,
            title: title("inc-2"),
            totals: [members(1860)],
          },
          {
            incidentId: "inc-3",
            caseId: "case-2025-insurance",
            number: 3,
            title: title("inc-3"),
            totals: [members(3)],
          },
        ],
        // Three incidents count members: their 1,909 may count one member twice (延べ).
        incidentCount: 3,
        countedTwice: ["people:members"],
        // The press figure cites incident 1.
        outsideNumbers: { "inc-1": 1 },
      },
      remediation: [financial, notification],
      commitments: { total: 5, open: 5, vendorReportedDone: 0, verified: 0, overdue: 0 },
      latestMeeting: { id: "mtg-2025-03", date: "2025-08-23", title: case2025.meetings[0]?.title },
      documentIds: expect.arrayContaining(["notice", "doc-1", "doc-5", "ctx-rocketboys"]),
    });
    // One case: its line holds the same figures as the whole.
    expect(portfolio).toHaveLength(1);
    expect(portfolio[0]).toMatchObject({
      caseId: "case-2025-insurance",
      status: "open",
      incidents: 3,
      openIncidents: 3,
      vendorIds: ["sompo", "partners"],
      firstDate: "2025-04-17",
      affected: [members(1909)],
      remediation: [financial, notification],
      openCommitments: 5,
      overdueCommitments: 0,
      nextDeadline: { dueDate: "2025-11-23", rule: "BOARD_REPORT", overdue: false },
      countedTwice: ["people:members"],
    });
    // Another fiscal year: nothing, never the open case's figures.
    const fy2024 = await getOk<TOverview>(app, "/api/v1/stats/overview?asOf=2025-09-30&fiscalYear=2024");
    expect([fy2024.incidents, fy2024.affected.totals, fy2024.remediation]).toEqual([
      { total: 0, open: 0 },
      [],
      [],
    ]);
  });

  it("/stats/vendors: sompo FY2025 medians 81 days (to the association) and 83.5 (to the board)", async () => {
    const cards = await getOk<{ asOf: string; rows: TVendorScorecard[] }>(
      app,
      "/api/v1/stats/vendors?asOf=2025-09-30",
    );
    expect(cards.asOf).toBe("2025-09-30");
    expect(cards.rows).toEqual([
      {
        vendorId: "sompo",
        fiscalYear: 2025,
        incidents: 3,
        incidentIds: ["inc-1", "inc-2", "inc-3"],
        incidentsViaSubcontractors: 0,
        affected: [members(1909)],
        incidentsWithUnreportedCounts: 0,
        medianDaysDetectionToOrganisation: 119,
        // 123 (incident 1) and 39 (incident 2); incident 3 has no day-precise occurrence.
        medianDaysOccurrenceToOrganisation: 81,
        medianDaysToBoard: 83.5,
        // 46 + 1,860 + 3 people to put right or tell, per purpose: 1,860 done, 49 not reported.
        remediation: [financial, notification],
        commitments: 5,
        commitmentsWithDueDate: 0,
        commitmentsKeptOnTime: 0,
        commitmentsOverdue: 0,
        // All five published actions fall in (2023-09-30, 2025-09-30].
        regulatoryActionsLast24Months: 5,
      },
      {
        vendorId: "partners",
        fiscalYear: 2025,
        incidents: 1,
        incidentIds: ["inc-3"],
        incidentsViaSubcontractors: 0,
        affected: [members(3)],
        incidentsWithUnreportedCounts: 0,
        medianDaysDetectionToOrganisation: null,
        medianDaysOccurrenceToOrganisation: null,
        medianDaysToBoard: null,
        remediation: [
          {
            ...financial,
            people: 3,
            done: 0,
            remaining: 0,
            notReported: 3,
            owedYen: 0,
            doneYen: 0,
            peopleWithUnknownAmount: 3,
          },
        ],
        commitments: 1,
        commitmentsWithDueDate: 0,
        commitmentsKeptOnTime: 0,
        commitmentsOverdue: 0,
        regulatoryActionsLast24Months: 0,
      },
    ]);
  });

  it("/stats/vendors?fiscalYear gives every vendor, with zeros for a year without incidents", async () => {
    const cards = await getOk<{ rows: TVendorScorecard[] }>(
      app,
      "/api/v1/stats/vendors?fiscalYear=2024&asOf=2025-09-30",
    );
    expect(cards.rows.map((r) => [r.vendorId, r.fiscalYear, r.incidents, r.medianDaysToBoard])).toEqual([
      ["sompo", 2024, 0, null],
      ["partners", 2024, 0, null],
    ]);
    expect(cards.rows[0]?.regulatoryActionsLast24Months).toBe(5);
  });

  it("/stats/vendors counts regulatory actions in (asOf − 24 months, asOf]", async () => {
    const count = async (asOf: string) =>
      (await getOk<{ rows: TVendorScorecard[] }>(app, `/api/v1/stats/vendors?fiscalYear=2025&asOf=${asOf}`))
        .rows[0]?.regulatoryActionsLast24Months;
    // The oldest action is dated 2023-12-26: in the window up to asOf 2025-12-25, out of it from 2025-12-26.
    expect(await count("2025-12-25")).toBe(5);
    expect(await count("2025-12-26")).toBe(4);
    // The newest (2025-06-13) counts from its own date on, not before.
    expect(await count("2025-06-12")).toBe(4);
    expect(await count("2025-06-13")).toBe(5);
  });

  it("counts overdue, due-soon and kept commitments once due dates exist (data changed in a rolled-back transaction)", async () => {
    const rollback = new Error("rollback");
    const seen = await t.db
      .transaction(async (tx) => {
        const set = (id: string, fields: Record<string, string>) =>
          tx.query(
            `UPDATE record_documents SET data = data || $2::jsonb,
               rev = (SELECT rev + 1 FROM record_head) WHERE kind = 'commitment' AND id = $1`,
            [id, JSON.stringify(fields)],
          );
        await set("cmt-1-letters", { dueDate: "2025-09-01" });
        await set("cmt-board-trust", { dueDate: "2025-10-14" });
        await set("cmt-3-refunds", {
          dueDate: "2025-09-10",
          status: "vendor_reported_done",
          reportedDoneDate: "2025-09-09",
        });
        await tx.query("UPDATE record_head SET rev = rev + 1");
        const txApp = as(
          createApp({ db: { ...t.db, query: tx.query, exec: tx.exec }, log: () => undefined }),
          viewer,
        );
        const result = {
          stats: await getOk<TCommitmentStats>(txApp, "/api/v1/stats/commitments?asOf=2025-09-30"),
          overdue: await getOk<{ items: { id: string }[] }>(
            txApp,
            "/api/v1/commitments?overdue=true&asOf=2025-09-30",
          ),
          dueBefore: await getOk<{ items: { id: string }[] }>(
            txApp,
            "/api/v1/commitments?dueBefore=2025-09-10&asOf=2025-09-30",
          ),
          overview: await getOk<TOverview>(txApp, "/api/v1/stats/overview?asOf=2025-09-30"),
          cards: await getOk<{ rows: TVendorScorecard[] }>(
            txApp,
            "/api/v1/stats/vendors?fiscalYear=2025&asOf=2025-09-30",
          ),
        };
        throw Object.assign(rollback, { result });
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
        return (error as typeof rollback & { result: unknown }).result as {
          stats: TCommitmentStats;
          overdue: { items: { id: string }[] };
          dueBefore: { items: { id: string }[] };
          overview: TOverview;
          cards: { rows: TVendorScorecard[] };
        };
      });
    expect(seen.stats).toMatchObject({ total: 5, overdue: 1, dueWithin14Days: 1, withoutDueDate: 2 });
    expect(seen.overdue.items.map((c) => c.id)).toEqual(["cmt-1-letters"]);
    expect(seen.dueBefore.items.map((c) => c.id)).toEqual(["cmt-1-letters"]);
    expect(seen.overview.commitments).toEqual({
      total: 5,
      open: 4,
      vendorReportedDone: 1,
      verified: 0,
      overdue: 1,
    });
    expect(
      seen.cards.rows.map((r) => [r.vendorId, r.commitments, r.commitmentsKeptOnTime, r.commitmentsOverdue]),
    ).toEqual([
      // Reported done by its due date but not verified: the vendor's word alone is not a kept promise.
      ["sompo", 5, 0, 1],
      ["partners", 1, 0, 0],
    ]);
    // The transaction was rolled back: nothing of it stayed.
    expect(
      (await getOk<TCommitmentStats>(app, "/api/v1/stats/commitments?asOf=2025-09-30")).withoutDueDate,
    ).toBe(5);
  });
});

describe("the fiscal years read", () => {
  it("lists each year of the record's incidents once, newest first, however many incidents there are", () => {
    const [a, b, c] = case2025.incidents as [TIncident, TIncident, TIncident];
    const data = {
      ...case2025,
      incidents: [a, { ...b, fiscalYear: 2023 }, c, { ...a, id: "inc-9", fiscalYear: 2027 }],
    };
    expect(statsReads.getFiscalYears({ data } as never)).toEqual({ years: [2027, 2025, 2023] });
    expect(statsReads.getFiscalYears({ data: { ...case2025, incidents: [] } } as never)).toEqual({
      years: [],
    });
  });
});

describe("the overview's bounded lists, on a large record", () => {
  const large = scaleDataset(4);

  it("lists the case lines it is asked for and counts every case", () => {
    const all = readOf("getOverview", large, { caseStatus: "all" });
    const few = readOf("getOverview", large, { caseStatus: "all", lines: 3 });
    expect(all.portfolio.length).toBe(all.cases.total);
    expect(all.cases.total).toBeGreaterThan(3);
    expect(few.portfolio).toEqual(all.portfolio.slice(0, 3));
    expect({ ...few, portfolio: [] }).toEqual({ ...all, portfolio: [] });
  });

  it("lists the incidents it is asked for, and still counts them all and says which totals count twice", () => {
    const all = readOf("getOverview", large, { caseStatus: "all" });
    const few = readOf("getOverview", large, { caseStatus: "all", incidents: 2 });
    expect(all.affected.byIncident.length).toBe(all.affected.incidentCount);
    expect(all.affected.incidentCount).toBeGreaterThan(2);
    expect(few.affected.byIncident).toEqual(all.affected.byIncident.slice(0, 2));
    expect({ ...few, affected: { ...few.affected, byIncident: [] } }).toEqual({
      ...all,
      affected: { ...all.affected, byIncident: [] },
    });
    // The keys are what the whole list gives: each a figure more than one incident reports.
    const key = (x: { unit: string; populationId: string | null }) => `${x.unit}:${x.populationId ?? ""}`;
    const reporting = (k: string, caseId?: string) =>
      all.affected.byIncident.filter(
        (i) => (!caseId || i.caseId === caseId) && i.totals.some((x) => key(x) === k && !x.confirmedNone),
      ).length;
    const sorted = (keys: readonly string[] | undefined) => [...(keys ?? [])].sort();
    expect(sorted(all.affected.countedTwice)).toEqual(
      sorted(all.affected.totals.map(key).filter((k) => reporting(k) > 1)),
    );
    expect(all.affected.countedTwice?.length).toBeGreaterThan(0);
    for (const line of all.portfolio) {
      expect(sorted(line.countedTwice)).toEqual(
        sorted(line.affected.map(key).filter((k) => reporting(k, line.caseId) > 1)),
      );
    }
  });

  it("lists at most `incidents` incidents of each figure, and counts every one", () => {
    const whole = readOf("getAffectedStats", large, { caseStatus: "all" });
    const bounded = readOf("getAffectedStats", large, { caseStatus: "all", incidents: 2 });
    const key = (x: { unit: string; populationId: string | null }) => `${x.unit}:${x.populationId}`;
    const having = (stats: typeof whole, k: string) =>
      stats.incidents.filter((i) => i.totals.some((x) => key(x) === k)).map((i) => i.incidentId);
    expect(whole.totals.length).toBeGreaterThan(1);
    for (const total of whole.totals) {
      const all = having(whole, key(total));
      expect(having(bounded, key(total)).slice(0, 2)).toEqual(all.slice(0, 2));
      expect(whole.incidentCounts.find((c) => key(c) === key(total))?.incidents).toBe(all.length);
    }
    expect(bounded.incidents.length).toBeLessThan(whole.incidents.length);
    expect(bounded.incidents.length).toBeLessThanOrEqual(2 * whole.totals.length);
    expect({ ...bounded, incidents: [] }).toEqual({ ...whole, incidents: [] });
  });

  it("lists at most `groups` top-level groups of each purpose, each with every sub-group under it", () => {
    const whole = readOf("getRemediationStats", large, { caseStatus: "all" });
    const bounded = readOf("getRemediationStats", large, { caseStatus: "all", groups: 2 });
    for (const { purpose, groups } of whole.purposes) {
      const top = bounded.cohorts.filter((c) => c.purpose === purpose && c.parentId === null);
      expect(top).toEqual(
        whole.cohorts.filter((c) => c.purpose === purpose && c.parentId === null).slice(0, 2),
      );
      expect(groups).toBeGreaterThan(2);
    }
    const listed = new Set(bounded.cohorts.map((c) => c.cohortId));
    for (const c of whole.cohorts) {
      if (c.parentId !== null && listed.has(c.parentId)) expect(listed.has(c.cohortId)).toBe(true);
      if (listed.has(c.cohortId) && c.parentId !== null) expect(listed.has(c.parentId)).toBe(true);
    }
    expect(bounded.totals).toEqual(whole.totals);
  });
});
