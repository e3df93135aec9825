import type { TMilestone } from "@/shared/schemas/incident";
import type { TCohortCompletion, TMilestoneInterval } from "@/shared/schemas/stats";
import { wrapLabel } from "./chart-patterns";
import { cohortTree, completionBars, completionOf, niceCeiling, timelineRows } from "./overview-model";

const totals = (over: Partial<Parameters<typeof completionOf>[0]>) => ({
  members: 0,
  done: 0,
  remaining: 0,
  notReported: 0,
  owedYen: 0,
  doneYen: 0,
  peopleWithUnknownAmount: 0,
  ...over,
});

describe("completionOf", () => {
  it("treats a purpose where every member is unreported as unknown, not 0 done", () => {
    expect(completionOf(totals({ members: 46, notReported: 46 }))).toEqual({ kind: "unknown", members: 46 });
  });
  it("gives done of members and the share when part is known", () => {
    expect(completionOf(totals({ members: 1863, done: 1860, notReported: 3 }))).toEqual({
      kind: "known",
      done: 1860,
      members: 1863,
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
  incidentId: "inc-1",
  incidentNumber: 1,
  label: { ja: "x", en: "x" },
  status: "in_progress",
  members: 10,
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
    const [bar] = completionBars([cohort({ members: 10, done: 6, remaining: 4, notReported: 0 })]);
    expect([bar?.donePct, bar?.remainingPct, bar?.notReportedPct]).toEqual([60, 40, 0]);
  });
  it("draws a cohort of unknown size entirely as not reported, and leaves sub-groups out of the bars", () => {
    const bars = completionBars([
      cohort({ cohortId: "p", members: null, notReported: 0 }),
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

describe("chart helpers", () => {
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
