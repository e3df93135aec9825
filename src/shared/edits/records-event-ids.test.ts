import { describe, expect, it } from "vitest";
import type { TDataset } from "../schemas/dataset";
import { case2025 } from "../seed/case-2025";
import { nextId, type TEditContext } from "./engine";
import { nextEventId, recordProgress } from "./records";

/*
 * A new progress event's id is the next after the highest `pe-n` of the whole record. nextEventId keeps
 * each cohort's highest number rather than reading every event of the record on every report; these
 * tests hold it to what nextId over every event id gives, as the record changes.
 */

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

const ctx: TEditContext = {
  now: new Date("2025-10-01T03:00:00Z"),
  actor: { id: "usr-tester01", username: "tester", displayName: "Tester" },
};

const everyEventId = (data: TDataset) => data.cohorts.flatMap((c) => c.progress.map((e) => e.id));

const report = (data: TDataset, cohortId: string) => {
  const cohort = data.cohorts.find((c) => c.id === cohortId);
  if (!cohort) throw new Error(`no ${cohortId}`);
  const source = { documentId: (data.documents[0] as { id: string }).id, cites: [] };
  const outcome = recordProgress(
    data,
    cohortId,
    null,
    {
      version: cohort.version,
      date: "2025-09-30",
      // As many as the group has: a completed group may only report all of them.
      doneCount: {
        status: "reported",
        value: cohort.people.status === "reported" ? cohort.people.value : 0,
        source,
      },
      note: null,
      source,
    },
    ctx,
  );
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problem)}`);
  const after = outcome.data.cohorts.find((c) => c.id === cohortId);
  const added = after?.progress.find((e) => !cohort.progress.some((p) => p.id === e.id));
  if (!added) throw new Error("no event was added");
  return { data: outcome.data, id: added.id };
};

describe("nextEventId", () => {
  it("gives what nextId gives over every event id, report after report on different cohorts", () => {
    let data = deepFreeze(structuredClone(case2025));
    expect(data.cohorts.length).toBeGreaterThan(1);
    const seen = new Set(everyEventId(data));
    for (let i = 0; i < 3 * data.cohorts.length; i++) {
      const expected = nextId("pe", everyEventId(data));
      expect(nextEventId(data)).toBe(expected);
      const next = report(data, (data.cohorts[(i * 7) % data.cohorts.length] as { id: string }).id);
      expect(next.id).toBe(expected);
      expect(seen.has(next.id)).toBe(false);
      seen.add(next.id);
      data = next.data;
    }
  });

  it("counts the events of a cohort that came in another way (an import, another server's write)", () => {
    const data = deepFreeze(structuredClone(case2025));
    expect(nextEventId(data)).toBe(nextId("pe", everyEventId(data)));
    const first = data.cohorts.find((c) => c.progress.length > 0);
    const event = first?.progress[0];
    if (!first || !event) throw new Error("the seed has no progress report");
    const replaced = { ...first, progress: [...first.progress, { ...event, id: "pe-9000" }] };
    const cohorts = data.cohorts.map((c) => (c === first ? replaced : c));
    const changed = deepFreeze({ ...data, cohorts });
    expect(nextEventId(changed)).toBe("pe-9001");
    // The record it was read from is unchanged, and so is its answer.
    expect(nextEventId(data)).toBe(nextId("pe", everyEventId(data)));
  });
});
