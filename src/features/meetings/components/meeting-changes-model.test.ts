import type { TMeeting } from "@/shared/schemas/meeting";
import { case2025 } from "@/shared/seed/case-2025";
import {
  changesInPeriod,
  compareHeadlines,
  placeInPeriod,
  previousMeeting,
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

describe("compareHeadlines", () => {
  const headline = (over: Partial<THeadline> = {}): THeadline => ({
    asOf: "2025-08-23",
    source: "frozen",
    affected: 1_909,
    financial: { done: 1_860, members: 1_863, notReported: 3 },
    notification: { done: 0, members: 46, notReported: 46 },
    commitmentsOpen: 6,
    commitmentsVerified: 0,
    commitmentsOverdue: 0,
    deadlinesOverdue: 2,
    ...over,
  });

  it("gives the change of each figure between the two meetings", () => {
    const rows = compareHeadlines(
      headline(),
      headline({ financial: { done: 1_863, members: 1_863, notReported: 0 }, commitmentsOpen: 5 }),
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get("financialDone")).toMatchObject({
      previous: { value: 1_860, of: 1_863, notReported: 3 },
      current: { value: 1_863, of: 1_863, notReported: 0 },
      delta: 3,
    });
    expect(byKey.get("commitmentsOpen")?.delta).toBe(-1);
    expect(byKey.get("affected")?.delta).toBe(0);
  });

  it("says 未報告 rather than 0 done when no member's progress was reported", () => {
    const rows = compareHeadlines(headline(), headline());
    const notification = rows.find((r) => r.key === "notificationDone");
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
