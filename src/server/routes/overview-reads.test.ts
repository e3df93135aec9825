import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { seed } from "@/server/db/seed";
import { as, ensureTestUser, signIn } from "@/server/test/auth";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { getOk, type TRequester } from "@/server/test/request";
import { contract } from "@/shared/contract";
import { CASE_TIMELINE_CASES, SOURCES_SHOWN } from "@/shared/overview-limits";
import { readEndpoints } from "@/shared/reads/read-endpoints";
import type { TCaseTimeline, TOverview, TRemediationTimeline } from "@/shared/schemas/stats";
import { scaleDataset } from "../../../scripts/scale-dataset";

/*
 * The overview's reads on a record many times a year's case: each answer is bounded by what the screen
 * shows, not by the record, and is exactly what the shared read (the one the mocks serve too) computes.
 */

const FACTOR = 12;
const data = scaleDataset(FACTOR);
const AS_OF = "2026-12-01";
const SETTINGS = { dayCounting: "exclude_first_day", version: 1 } as const;

/** What the shared read answers for the same query, parsed as the server parses it. */
const shared = <N extends "getCaseTimeline" | "getRemediationTimeline" | "getOverview">(
  name: N,
  query: Record<string, string>,
) => {
  const parsed = contract[name].query.parse(query);
  const read = readEndpoints[name] as (ctx: unknown) => unknown;
  return JSON.parse(
    JSON.stringify(
      read({ data, settings: SETTINGS, params: {}, query: parsed, now: new Date(`${AS_OF}T03:00:00Z`) }),
    ),
  );
};

describe.each(testEngines)("the overview's reads at %s, %i× the record", (engine) => {
  let t: TTestDb;
  let app: TRequester;
  beforeAll(async () => {
    t = await openTestDb({ engine, seed: false });
    await seed(t.db, data);
    const server = createApp({ db: t.db, log: () => undefined });
    await ensureTestUser(t.db, "viewer");
    app = as(server, await signIn(server, "test-viewer"));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives the course of the latest cases in one answer, the rest counted", async () => {
    const query = { asOf: AS_OF, caseStatus: "all" };
    const answer = await getOk<TCaseTimeline>(
      app,
      `${contract.getCaseTimeline.path}?${new URLSearchParams(query)}`,
    );
    expect(answer.totalCases).toBe(FACTOR);
    expect(answer.cases.map((c) => c.caseId)).toEqual(
      Array.from({ length: CASE_TIMELINE_CASES }, (_, i) => `case-${FACTOR - CASE_TIMELINE_CASES + i + 1}`),
    );
    expect(answer.cases.every((c) => c.totalIncidents === 3 && c.incidents.length === 3)).toBe(true);
    // The documents it names are exactly those its milestones cite.
    const cited = new Set(
      answer.cases.flatMap((c) => c.incidents.flatMap((i) => i.milestones.map((m) => m.source.documentId))),
    );
    expect(new Set(answer.documents.map((d) => d.id))).toEqual(cited);
    expect(answer).toEqual(shared("getCaseTimeline", query));
  });

  it("caps the incidents of each case when asked", async () => {
    const answer = await getOk<TCaseTimeline>(
      app,
      `${contract.getCaseTimeline.path}?asOf=${AS_OF}&caseStatus=all&cases=2&incidents=1`,
    );
    expect(answer.cases.map((c) => [c.incidents.length, c.totalIncidents])).toEqual([
      [1, 3],
      [1, 3],
    ]);
  });

  it("adds up each day's reports into one point when asked per day", async () => {
    const query = { asOf: AS_OF, caseStatus: "all" };
    const base = `${contract.getRemediationTimeline.path}?${new URLSearchParams(query)}`;
    const perReport = await getOk<TRemediationTimeline>(app, base);
    const perDay = await getOk<TRemediationTimeline>(app, `${base}&per=day`);
    for (const [i, series] of perDay.series.entries()) {
      const reports = perReport.series[i]?.points ?? [];
      const days = new Set(reports.map((p) => p.date));
      expect(series.points.map((p) => p.date)).toEqual([...days]);
      expect(series.points.reduce((n, p) => n + p.reports, 0)).toBe(reports.length);
      expect(series.points.at(-1)?.cumulativeDone).toBe(reports.at(-1)?.cumulativeDone);
      expect(series.points.at(-1)?.cumulativeDoneYen).toBe(reports.at(-1)?.cumulativeDoneYen);
      // Several groups reported on most days: the point says so instead of naming one.
      expect(series.points.some((p) => p.reports > 1 && p.cohortId === null)).toBe(true);
    }
    expect(perDay).toEqual(shared("getRemediationTimeline", { ...query, per: "day" }));
  });

  it("names the documents the source line shows, not every document", async () => {
    const query = { asOf: AS_OF, caseStatus: "all" };
    const answer = await getOk<TOverview>(app, `${contract.getOverview.path}?${new URLSearchParams(query)}`);
    expect(answer.documentIds.length).toBeGreaterThan(SOURCES_SHOWN);
    expect(answer.sources.map((d) => d.id)).toEqual(answer.documentIds.slice(0, SOURCES_SHOWN));
    expect(answer).toEqual(shared("getOverview", query));
  });
});
