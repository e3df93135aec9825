import type { TImpactTotal, TMilestone } from "@/shared/schemas/incident";
import type { TAffectedStats, TCohortCompletion, TMilestoneInterval } from "@/shared/schemas/stats";
import { wrapLabel } from "./chart-patterns";
import {
  affectedGroups,
  barChartHeight,
  cohortTree,
  completionBars,
  completionOf,
  isCumulative,
  niceCeiling,
  timelineRows,
} from "./overview-model";

const totals = (over: Partial<Parameters<typeof completionOf>[0]>) => ({
  purpose: "financial" as const,
  populationId: "members",
  people: 0,
  done: 0,
  remaining: 0,
  notReported: 0,
  owedYen: 0,
  doneYen: 0,
  peopleWithUnknownAmount: 0,
  ...over,
});

describe("completionOf", () => {
  it("treats a purpose where every person is unreported as unknown, not 0 done", () => {
    expect(completionOf(totals({ people: 46, notReported: 46 }))).toEqual({ kind: "unknown", people: 46 });
  });
  it("gives done of people and the share when part is known", () => {
    expect(completionOf(totals({ people: 1863, done: 1860, notReported: 3 }))).toEqual({
      kind: "known",
      done: 1860,
      people: 1863,
      notReported: 3,
      percent: 99.8,
    });
  });
  it("says none when there is nothing to put right", () => {
    expect(completionOf(totals({}))).toEqual({ kind: "none" });
  });
});

const milestone = (id: string, date: string, kind: TMilestone["kind"] = "occurred"): TMilestone => ({
  id,
  kind,
  date,
  endDate: null,
  note: null,
  coversOurPeople: false,
  source: { documentId: "notice", cites: [] },
  outsideRecord: false,
});
const step = (from: string, to: string, days: number): TMilestoneInterval => ({
  incidentId: "inc-x",
  fromMilestoneId: from,
  toMilestoneId: to,
  fromKind: "occurred",
  toKind: "reported_to_board",
  fromDate: "2025-01-01",
  toDate: "2025-01-02",
  days,
  outsideRecord: false,
});

describe("timelineRows", () => {
  it("orders by date then kind, and flags a step that jumps over a month-only milestone", () => {
    const rows = timelineRows(
      [
        milestone("c", "2025-08-01", "reported_to_board"),
        milestone("b", "2025-07"),
        milestone("a", "2025-06-30"),
        milestone("d", "2025-08-01", "occurred"),
      ],
      [step("a", "d", 32), step("d", "c", 0)],
    );
    expect(rows.map((r) => r.milestone.id)).toEqual(["a", "b", "d", "c"]);
    expect(rows.map((r) => r.step?.days ?? null)).toEqual([null, null, 32, 0]);
    expect(rows.map((r) => r.stepSkipsRow)).toEqual([false, false, true, false]);
  });
});

const cohort = (over: Partial<TCohortCompletion>): TCohortCompletion => ({
  cohortId: "c",
  parentId: null,
  purpose: "financial",
  populationId: "members",
  incidentId: "inc-1",
  caseId: "case-1",
  incidentNumber: 1,
  label: { ja: "x", en: "x" },
  status: "in_progress",
  people: 10,
  done: null,
  remaining: null,
  notReported: 10,
  amountPerPersonYen: null,
  owedYen: null,
  doneYen: null,
  lastReportDate: null,
  ...over,
});

describe("completionBars and cohortTree", () => {
  it("splits a cohort into done / remaining / not reported shares", () => {
    const [bar] = completionBars([cohort({ people: 10, done: 6, remaining: 4, notReported: 0 })]);
    expect([bar?.donePct, bar?.remainingPct, bar?.notReportedPct]).toEqual([60, 40, 0]);
  });
  it("draws a cohort of unknown size entirely as not reported, and leaves sub-groups out of the bars", () => {
    const bars = completionBars([
      cohort({ cohortId: "p", people: null, notReported: 0 }),
      cohort({ cohortId: "s", parentId: "p" }),
    ]);
    expect(bars.map((b) => [b.cohortId, b.notReportedPct])).toEqual([["p", 100]]);
  });
  it("puts each sub-group under its parent", () => {
    const tree = cohortTree([
      cohort({ cohortId: "a" }),
      cohort({ cohortId: "b" }),
      cohort({ cohortId: "a1", parentId: "a" }),
    ]);
    expect(tree.map((r) => [r.cohort.cohortId, r.depth])).toEqual([
      ["a", 0],
      ["a1", 1],
      ["b", 0],
    ]);
  });
});

const total = (over: Partial<TImpactTotal>): TImpactTotal => ({
  unit: "people",
  populationId: "members",
  value: 0,
  complete: true,
  unreportedParts: 0,
  confirmedNone: false,
  ...over,
});
const text = (ja: string) => ({ ja, en: ja });
const src = { documentId: "d", cites: [] };

/** Two incidents: members in 名 (one split by service, one with a part not named), customers in 件. */
const affected: TAffectedStats = {
  scope: {
    asOf: "2026-01-01",
    caseIds: ["c1", "c2"],
    incidentIds: ["i1", "i2"],
    vendorId: null,
    fiscalYear: null,
    caseStatus: "open",
  },
  incidents: [
    {
      incidentId: "i1",
      caseId: "c1",
      number: 1,
      title: text("一"),
      totals: [total({ value: 46 })],
      vendorWide: [],
      byService: [
        {
          serviceId: "a",
          serviceName: text("A"),
          unit: "people",
          populationId: "members",
          count: { status: "reported", value: 44, source: src },
        },
        {
          serviceId: "b",
          serviceName: text("B"),
          unit: "people",
          populationId: "members",
          count: { status: "not_reported", missing: text("?"), source: src },
        },
      ],
    },
    {
      incidentId: "i2",
      caseId: "c2",
      number: 2,
      title: text("二"),
      totals: [total({ value: 10 }), total({ unit: "records", populationId: "customers", value: 3200 })],
      vendorWide: [],
      byService: [
        {
          serviceId: "dm",
          serviceName: text("DM"),
          unit: "records",
          populationId: "customers",
          count: { status: "reported", value: 3200, source: src },
        },
      ],
    },
  ],
  totals: [total({ value: 56 }), total({ unit: "records", populationId: "customers", value: 3200 })],
  incidentCounts: [
    { unit: "people", populationId: "members", incidents: 2 },
    { unit: "records", populationId: "customers", incidents: 1 },
  ],
  outside: [
    {
      incidentId: "i2",
      impactId: "x",
      unit: "records",
      populationId: "customers",
      count: { status: "reported", value: 9_999_999, source: src },
    },
  ],
  byService: [
    {
      serviceId: "a",
      serviceName: text("A"),
      unit: "people",
      populationId: "members",
      reportedTotal: 44,
      incidentCount: 1,
    },
    {
      serviceId: "b",
      serviceName: text("B"),
      unit: "people",
      populationId: "members",
      reportedTotal: 0,
      incidentCount: 1,
    },
    {
      serviceId: "dm",
      serviceName: text("DM"),
      unit: "records",
      populationId: "customers",
      reportedTotal: 3200,
      incidentCount: 1,
    },
  ],
};

describe("affectedGroups", () => {
  it("draws people and records, and each population, apart: never one stack", () => {
    const groups = affectedGroups(affected);
    expect(groups.map((g) => [g.unit, g.populationId, g.total.value])).toEqual([
      ["people", "members", 56],
      ["records", "customers", 3200],
    ]);
    expect(groups[0]?.services.map((s) => s.serviceId)).toEqual(["a", "b"]);
    expect(groups[1]?.services.map((s) => s.serviceId)).toEqual(["dm"]);
    // Each chart has only the incidents with a figure of its own unit and population.
    expect(groups[1]?.rows.map((r) => r.incidentId)).toEqual(["i2"]);
  });
  it("keeps an outside figure out of the chart and counts it for the note", () => {
    const [people, records] = affectedGroups(affected);
    expect(people?.outside).toBe(0);
    expect(records?.outside).toBe(1);
    expect(records?.rows[0]?.total.value).toBe(3200);
  });
  it("marks a service without an exact figure as unreported and draws the rest of the total apart", () => {
    const [people] = affectedGroups(affected);
    const [i1, i2] = people?.rows ?? [];
    expect(i1?.counts).toEqual({ a: 44 });
    expect(i1?.unreportedServices).toEqual(["b"]);
    expect(i1?.unattributed).toBe(2);
    // A whole with no service named is drawn as one part of its own.
    expect(i2?.unattributed).toBe(10);
  });
});

describe("isCumulative (延べ)", () => {
  const byIncident = affected.incidents.map(({ incidentId, caseId, number, title, totals }) => ({
    incidentId,
    caseId,
    number,
    title,
    totals,
  }));
  // A snapshot from before the answer said which totals count twice: its whole per-incident list says it.
  const whole = { totals: [], outside: [], byIncident };
  it("is true only where more than one incident counts the same unit and population", () => {
    expect(isCumulative(whole, { unit: "people", populationId: "members" })).toBe(true);
    expect(isCumulative(whole, { unit: "records", populationId: "customers" })).toBe(false);
  });
  it("looks within one case when asked", () => {
    expect(isCumulative(whole, { unit: "people", populationId: "members" }, { caseId: "c1" })).toBe(false);
  });
  it("takes the answer's word where it gives it, the list being only the first incidents", () => {
    const bounded = { ...whole, byIncident: byIncident.slice(0, 1), countedTwice: ["people:members"] };
    expect(isCumulative(bounded, { unit: "people", populationId: "members" })).toBe(true);
    expect(isCumulative(bounded, { unit: "records", populationId: "customers" })).toBe(false);
    const line = { caseId: "c1", countedTwice: ["records:customers"] };
    expect(isCumulative(bounded, { unit: "records", populationId: "customers" }, line)).toBe(true);
    expect(isCumulative(bounded, { unit: "people", populationId: "members" }, line)).toBe(false);
  });
});

describe("chart helpers", () => {
  it("grows a bar chart a row per incident or group", () => {
    expect(barChartHeight(5) - barChartHeight(3)).toBe(2 * (barChartHeight(2) - barChartHeight(1)));
    expect(barChartHeight(3, 2)).toBeGreaterThan(barChartHeight(3, 1));
  });
  it("rounds an axis maximum up to a plain number", () => {
    expect(niceCeiling(372_000)).toBe(400_000);
    expect(niceCeiling(1_860)).toBe(2_000);
    expect(niceCeiling(3)).toBe(3);
    expect(niceCeiling(0)).toBe(1);
  });
  it("wraps a label into balanced lines that never leave one character alone", () => {
    const lines = wrapLabel("不正アクセスと情報漏洩の可能性", 160, 11, 2);
    expect(lines.join("")).toBe("不正アクセスと情報漏洩の可能性");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeGreaterThan(3);
    expect(wrapLabel("Refunds to the members billed twice", 120, 11, 3).join(" ")).toBe(
      "Refunds to the members billed twice",
    );
    expect(wrapLabel("a b c d e f g h i j k l m n o p", 20, 11, 2).at(-1)).toMatch(/…$/);
  });
});
