import type { TImpactTotal } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TRemediationTotals } from "@/shared/schemas/stats";
import { case2025 } from "@/shared/seed/case-2025";
import { backdatedRecord, MEETING_2024 } from "@/test/backdated-meeting-record";
import {
  changesInPeriod,
  compareHeadlines,
  placeInPeriod,
  previousMeeting,
  recordOnDay,
  type THeadline,
  type TRecord,
} from "./meeting-changes-model";

const record: TRecord = {
  meetings: case2025.meetings,
  incidents: case2025.incidents,
  cohorts: case2025.cohorts,
  commitments: case2025.commitments,
  documents: case2025.documents,
};
const first = case2025.meetings[0] as TMeeting;
const later = { ...first, id: "mtg-2025-04", number: 4, date: "2025-09-27" } satisfies TMeeting;

const keys = (from: string | null, to: string) => changesInPeriod(record, from, to).map((c) => c.key);

describe("placeInPeriod", () => {
  it("takes a day in (from, to]", () => {
    expect(placeInPeriod("2025-08-23", "2025-08-23", "2025-09-27")).toBe("out");
    expect(placeInPeriod("2025-08-24", "2025-08-23", "2025-09-27")).toBe("in");
    expect(placeInPeriod("2025-09-27", "2025-08-23", "2025-09-27")).toBe("in");
    expect(placeInPeriod("2025-09-28", "2025-08-23", "2025-09-27")).toBe("out");
    expect(placeInPeriod("1990-01-01", null, "2025-08-23")).toBe("in");
  });

  it("never invents a day for a month-only date: a straddling month is an edge", () => {
    expect(placeInPeriod("2025-07", null, "2025-08-23")).toBe("in");
    expect(placeInPeriod("2025-08", null, "2025-08-23")).toBe("edge");
    expect(placeInPeriod("2025-08", "2025-08-23", "2025-09-27")).toBe("edge");
    expect(placeInPeriod("2025-09", "2025-08-23", "2025-09-30")).toBe("in");
    expect(placeInPeriod("2025-07", "2025-08-23", "2025-09-27")).toBe("out");
    expect(placeInPeriod("2025-10", "2025-08-23", "2025-09-27")).toBe("out");
  });
});

describe("previousMeeting", () => {
  it("is none for the first meeting and the latest earlier one otherwise", () => {
    expect(previousMeeting([first, later], first)).toBeNull();
    expect(previousMeeting([later, first], later)?.id).toBe("mtg-2025-03");
  });
});

describe("changesInPeriod", () => {
  it("lists everything dated up to the first meeting, oldest first", () => {
    const changes = changesInPeriod(record, null, "2025-08-23");
    const k = changes.map((c) => c.key);
    expect(k[0]).toBe("document-ctx-fsa-2023");
    expect(k).toContain("milestone-m1-board");
    expect(k).toContain("milestone-m2-board");
    expect(k).toContain("milestone-m3-occurred");
    expect(k).toContain("progress-p2-corrected");
    expect(k).toContain("progress-p2-failed-rebilled");
    expect(k).not.toContain("milestone-m3-report");
    expect(k).not.toContain("document-doc-5");
    expect(k).not.toContain("made-cmt-3-refunds");
    // Undated records (the notice) cannot be placed and are left out.
    expect(k).not.toContain("document-notice");
    const doc3 = changes.find((c) => c.key === "document-doc-3");
    expect(doc3?.uncertain).toBe(true);
    expect(changes.find((c) => c.key === "milestone-m1-occurred")?.outsideRecord).toBe(true);
    expect(changes.find((c) => c.key === "milestone-m1-board")?.outsideRecord).toBe(false);
    const dates = changes.map((c) => c.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it("lists only what came after the previous meeting for a later one", () => {
    expect(keys("2025-08-23", "2025-09-27")).toEqual([
      "made-cmt-1-letters",
      "document-doc-3",
      "milestone-m3-report",
      "made-cmt-3-refunds",
      "document-doc-5",
    ]);
  });
});

describe("changesInPeriod: a record entered after the fact", () => {
  const backdated: TRecord = {
    meetings: backdatedRecord.meetings,
    incidents: backdatedRecord.incidents,
    cohorts: backdatedRecord.cohorts,
    commitments: backdatedRecord.commitments,
    documents: backdatedRecord.documents,
  };

  it("lists every step of a commitment's history, a refused report as refused", () => {
    const changes = changesInPeriod(backdated, "2024-07-25", "2026-01-20");
    const steps = changes.filter((c) => c.kind.startsWith("commitment_") && c.kind !== "commitment_made");
    expect(steps.map((c) => [c.date, c.kind, "reopening" in c ? c.reopening : null])).toEqual([
      ["2024-08-30", "commitment_reported_done", null],
      ["2024-09-15", "commitment_reopened", "not_accepted"],
      ["2025-10-20", "commitment_reported_done", null],
      ["2025-11-05", "commitment_verified", null],
    ]);
    // Letters are a notification: their progress says so.
    expect(changes.find((c) => c.key === "progress-pe-2")).toMatchObject({ purpose: "notification" });
  });

  it("keeps to what the record held on the meeting day when cut with recordOnDay", () => {
    const cut = recordOnDay(backdated, MEETING_2024);
    expect(cut.meetings.map((m) => m.id)).toEqual(["mtg-2024"]);
    expect(cut.documents.map((d) => d.id)).toEqual(["doc-a", "doc-m"]);
    expect(cut.commitments.every((c) => c.history.length === 0)).toBe(true);
    const k = changesInPeriod(cut, null, MEETING_2024).map((c) => c.key);
    expect(k).toContain("progress-pe-1");
    expect(k).not.toContain("progress-pe-2");
    expect(k).not.toContain("milestone-m-not");
    expect(k.some((key) => key.startsWith("reported_done-"))).toBe(false);
  });
});

describe("compareHeadlines", () => {
  const people = (value: number, over: Partial<TImpactTotal> = {}): TImpactTotal => ({
    unit: "people",
    populationId: "members",
    value,
    complete: true,
    unreportedParts: 0,
    confirmedNone: false,
    ...over,
  });
  const remediation = (over: Partial<TRemediationTotals>): TRemediationTotals => ({
    purpose: "financial",
    populationId: "members",
    people: 1_863,
    done: 1_860,
    remaining: 0,
    notReported: 3,
    owedYen: 0,
    doneYen: 0,
    peopleWithUnknownAmount: 0,
    ...over,
  });
  const headline = (over: Partial<THeadline> = {}): THeadline => ({
    asOf: "2025-08-23",
    source: "frozen",
    affected: [people(1_909)],
    remediation: [
      remediation({}),
      remediation({ purpose: "notification", people: 46, done: 0, notReported: 46 }),
    ],
    commitmentsOpen: 6,
    commitmentsVerified: 0,
    commitmentsOverdue: 0,
    deadlinesOverdue: 2,
    ...over,
  });
  const byKey = (rows: ReturnType<typeof compareHeadlines>) => new Map(rows.map((r) => [r.key, r]));

  it("gives the change of each figure between the two meetings, each purpose and population apart", () => {
    const rows = byKey(
      compareHeadlines(
        headline(),
        headline({
          remediation: [
            remediation({ done: 1_863, notReported: 0 }),
            remediation({ purpose: "notification", people: 46, done: 0, notReported: 46 }),
          ],
          commitmentsOpen: 5,
        }),
      ),
    );
    expect(rows.get("remediation:financial:members")).toMatchObject({
      unit: "people",
      previous: { value: 1_860, of: 1_863, notReported: 3 },
      current: { value: 1_863, of: 1_863, notReported: 0 },
      delta: 3,
    });
    expect(rows.get("commitmentsOpen")?.delta).toBe(-1);
    expect(rows.get("affected:people:members")?.delta).toBe(0);
  });

  it("never adds people to records, nor one population to another: each is its own row", () => {
    const rows = compareHeadlines(
      null,
      headline({
        affected: [
          people(1_909),
          people(40, { populationId: "customers" }),
          people(12_000, { unit: "records", populationId: "customers" }),
        ],
      }),
      (id) => (id === "members" ? 0 : 1),
    );
    expect(
      rows.filter((r) => r.subject.kind === "affected").map((r) => [r.key, r.unit, r.current.value]),
    ).toEqual([
      ["affected:people:members", "people", 1_909],
      ["affected:people:customers", "people", 40],
      ["affected:records:customers", "records", 12_000],
    ]);
  });

  it("says a figure the earlier meeting did not have was not recorded then, never 0", () => {
    const rows = byKey(
      compareHeadlines(
        headline({ affected: [] }),
        headline({ affected: [people(12_000, { unit: "records", populationId: "customers" })] }),
      ),
    );
    expect(rows.get("affected:records:customers")).toMatchObject({
      previous: { value: null, missing: "not_recorded" },
      current: { value: 12_000 },
      delta: null,
    });
  });

  it("marks a total with unreported parts as a floor, and a confirmed none as such", () => {
    const rows = byKey(
      compareHeadlines(
        null,
        headline({
          affected: [
            people(1_909, { complete: false, unreportedParts: 2 }),
            people(0, { populationId: "customers", confirmedNone: true }),
          ],
        }),
      ),
    );
    expect(rows.get("affected:people:members")?.current).toMatchObject({ value: 1_909, floor: true });
    expect(rows.get("affected:people:customers")?.current).toMatchObject({ value: 0, confirmedNone: true });
  });

  it("says 未報告 rather than 0 done when no one's progress was reported", () => {
    const rows = compareHeadlines(headline(), headline());
    const notification = rows.find((r) => r.key === "remediation:notification:members");
    expect(notification?.current).toMatchObject({ value: null, missing: "not_reported", of: 46 });
    expect(notification?.delta).toBeNull();
  });

  it("has no change where a figure is unknown (never 0) and no previous column for the first meeting", () => {
    const rows = compareHeadlines(headline({ deadlinesOverdue: null }), headline());
    expect(rows.find((r) => r.key === "deadlinesOverdue")?.delta).toBeNull();
    const first = compareHeadlines(null, headline());
    expect(first.every((r) => r.previous === null && r.delta === null)).toBe(true);
  });
});
