import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createMockStore } from "@/mocks/store";
import { createApp } from "@/server/app";
import { signedIn } from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { requestJson, type TRequester } from "@/server/test/request";
import { contract } from "@/shared/contract";
import { csvText, parseCsv, writeCsv } from "@/shared/csv";
import type { TEditContext } from "@/shared/edits/engine";
import { importProgress } from "@/shared/edits/progress-import";
import { CSRF_HEADER } from "@/shared/schemas/auth";
import type { TCohort } from "@/shared/schemas/cohort";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TProblem } from "@/shared/schemas/problem";
import {
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_CHARS,
  type TProgressImportResult,
} from "@/shared/schemas/progress-import";
import type { TRemediationStats } from "@/shared/schemas/stats";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * The import end to end on each engine, and the mocks answering the same requests alike: a file with bad
 * rows changes nothing and names every row; a re-import changes nothing; a dry run stores nothing; CSV and
 * JSON are the same file.
 */

const PATH = contract.importProgress.path;
const HEADER = ["cohort_id", "cohort_label", "date", "done_count", "cohort_status", "note_ja", "note_en"];

type TRow = [string, string, string, string, string, string, string];

const GOOD: TRow[] = [
  ["coh-3-refund", "返金", "2025-09-10", "1", "", "1名に返金済み", "1 member refunded"],
  ["coh-3-refund", "返金", "2025-09-20", "3", "completed", "3名全員に返金", "All 3 refunded"],
  ["coh-1-letters", "お詫び文書", "2025-09", "", "in_progress", "", ""],
  ["coh-2-failed", "再請求", "2025-08-15", "6", "", "", ""],
];

const BAD: TRow[] = [
  ["coh-3-refund", "", "2025-09-05", "4", "", "", ""],
  ["no-such-cohort", "", "2025-09-10", "1", "", "", ""],
  ["coh-3-refund", "", "2099-01-01", "3", "in_progress", "", ""],
  ["coh-3-refund", "", "10 Sept", "one", "finished", "", ""],
  ["coh-1-letters", "", "2025-09-01", "1", "", "", ""],
];

const csvOf = (rows: TRow[]) => writeCsv([HEADER, ...rows], { bom: true });
const jsonOf = (rows: TRow[]) =>
  JSON.stringify(
    rows.map((r) =>
      Object.fromEntries(HEADER.map((h, i) => [h, h === "done_count" && r[i] !== "" ? Number(r[i]) : r[i]])),
    ),
    null,
    2,
  );

const importBody = (format: "csv" | "json", content: string, dryRun = false, documentId = "doc-5") => ({
  format,
  content,
  documentId,
  dryRun,
});

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

type TAnswer = { status: number; body: unknown };

// ---------------------------------------------------------------------------------------------------
// The mocks, answering the same requests (MSW in Node; the server is requested in-process, not by fetch).

const MOCK = "http://mock.test";
const mockStore = createMockStore(case2025);
const mock = setupServer(...createHandlers(mockStore));
let mockCsrf = "";

const mockRequest = async (path: string, init: RequestInit = {}): Promise<TAnswer> => {
  const headers = new Headers(init.headers);
  headers.set(CSRF_HEADER, mockCsrf);
  const res = await fetch(MOCK + path, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

beforeAll(() => {
  mock.listen({ onUnhandledRequest: "error" });
  mockCsrf = signInMock("editor").csrfToken;
});
afterAll(() => mock.close());

describe.each(testEngines)("importProgress on %s (and the mocks alike)", (engine) => {
  let t: TTestDb;
  let editor: TRequester;
  let viewer: TRequester;

  beforeAll(async () => {
    t = await openTestDb({ engine });
    const app = createApp({ db: t.db, staticDir: "/nonexistent" });
    editor = await signedIn(app, t.db, "editor");
    viewer = await signedIn(app, t.db, "viewer");
    mockStore.data = mockStore.initial as TDataset;
    mockStore.audit = [];
    mockStore.head = null;
  }, 60_000);
  afterAll(() => t?.close());

  /** The same request to the server and to the mocks: the same status and the same JSON. */
  const both = async (body: unknown): Promise<TAnswer> => {
    const server = await requestJson(editor, PATH, post(body));
    const mocked = await mockRequest(PATH, post(body));
    expect({ status: mocked.status, body: mocked.body }, "the mocks answer as the server does").toEqual({
      status: server.status,
      body: server.body,
    });
    return { status: server.status, body: server.body };
  };

  const auditCount = async () => {
    const server = (await requestJson(viewer, "/api/v1/audit?limit=500")).body as { total: number };
    const mocked = (await mockRequest("/api/v1/audit?limit=500")).body as { total: number };
    expect(mocked.total).toBe(server.total);
    return server.total;
  };

  it("refuses a file with bad rows as a whole: every row reported, nothing stored", async () => {
    const digest = await dataDigest(t.db);
    const audit = await auditCount();
    const res = await both(importBody("csv", csvOf([...GOOD, ...BAD])));
    expect(res.status).toBe(422);
    const problem = res.body as TProblem;
    expect(problem.errors?.map((e) => [e.line, e.field, e.code])).toEqual([
      [6, "done_count", "exceeds_people"],
      [7, "cohort_id", "unknown_reference"],
      [8, "date", "in_future"],
      [9, "date", "invalid_date"],
      [9, "done_count", "invalid_number"],
      [9, "cohort_status", "invalid_status"],
    ]);
    // Line 10 is good: a problem-free row is not listed.
    expect(problem.errors?.[0]?.params).toEqual({ people: 3 });
    expect(await dataDigest(t.db)).toBe(digest);
    expect(await auditCount()).toBe(audit);
  });

  it("a dry run answers what would change and stores nothing", async () => {
    const digest = await dataDigest(t.db);
    const res = await both(importBody("csv", csvOf(GOOD), true));
    expect(res.status).toBe(200);
    const result = res.body as TProgressImportResult;
    expect(result.applied).toBe(false);
    expect(result.counts).toEqual({ added: 3, updated: 0, unchanged: 1 });
    expect(await dataDigest(t.db)).toBe(digest);
    // CSV and JSON are the same file (JSON lines are item numbers, CSV lines file lines).
    const json = (await both(importBody("json", jsonOf(GOOD), true))).body as TProgressImportResult;
    expect(json.rows.map((r) => ({ ...r, line: r.line + 1 }))).toEqual(result.rows);
  });

  it("applies a good file in one go, one audit entry per changed cohort, and the stats follow", async () => {
    const audit = await auditCount();
    const res = await both(importBody("csv", csvOf(GOOD)));
    expect(res.status).toBe(200);
    const result = res.body as TProgressImportResult;
    expect(result.applied).toBe(true);
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "added"],
      [3, "added"],
      [4, "added"],
      [5, "unchanged"],
    ]);
    expect(await auditCount()).toBe(audit + 2);
    const entries = (await requestJson(viewer, "/api/v1/audit?entityType=cohort&entityId=coh-3-refund"))
      .body as { items: { action: string; actor: { username: string } }[] };
    expect(entries.items.map((e) => [e.action, e.actor.username])).toEqual([
      ["importProgress", "test-editor"],
    ]);

    const refund = (await requestJson(viewer, "/api/v1/cohorts/coh-3-refund")).body as TCohort;
    expect(refund.version).toBe(2);
    expect(refund.status).toBe("completed");
    expect(refund.progress.map((e) => [e.date, e.doneCount.status, e.source.documentId])).toEqual([
      ["2025-09-10", "reported", "doc-5"],
      ["2025-09-20", "reported", "doc-5"],
    ]);
    const letters = (await requestJson(viewer, "/api/v1/cohorts/coh-1-letters")).body as TCohort;
    // An empty count is "not reported", never 0.
    expect(letters.progress[0]?.doneCount.status).toBe("not_reported");

    const stats = (await requestJson(viewer, "/api/v1/stats/remediation")).body as TRemediationStats;
    expect(stats.cohorts.find((c) => c.cohortId === "coh-3-refund")).toMatchObject({ done: 3, remaining: 0 });
    expect(stats.cohorts.find((c) => c.cohortId === "coh-1-letters")).toMatchObject({
      done: null,
      notReported: 46,
    });

    const verify = (await requestJson(viewer, "/api/v1/audit/verify")).body as { ok: boolean } | TProblem;
    // Only admins verify; a viewer being refused is fine here, a broken chain is not.
    if ("ok" in verify) expect(verify.ok).toBe(true);
  });

  it("the same file again changes nothing: every row unchanged, no version bump, no audit entry", async () => {
    const digest = await dataDigest(t.db);
    const audit = await auditCount();
    for (const body of [importBody("csv", csvOf(GOOD)), importBody("json", jsonOf(GOOD))]) {
      const res = await both(body);
      expect(res.status).toBe(200);
      expect((res.body as TProgressImportResult).counts).toEqual({ added: 0, updated: 0, unchanged: 4 });
    }
    expect(await dataDigest(t.db)).toBe(digest);
    expect(await auditCount()).toBe(audit);
  });

  it("a corrected figure updates the event it corrects", async () => {
    const corrected: TRow[] = [["coh-3-refund", "", "2025-09-10", "2", "", "", ""]];
    const res = await both(importBody("csv", csvOf(corrected), false, "doc-4"));
    expect((res.body as TProgressImportResult).rows[0]?.outcome).toBe("updated");
    const refund = (await requestJson(viewer, "/api/v1/cohorts/coh-3-refund")).body as TCohort;
    expect(refund.version).toBe(3);
    expect(refund.progress).toHaveLength(2);
    expect(refund.progress[0]?.doneCount).toMatchObject({ value: 2, source: { documentId: "doc-4" } });
  });

  it("refuses an unknown document, a viewer, an oversized file and an oversized body", async () => {
    const unknownDoc = await both(importBody("csv", csvOf(GOOD), true, "no-such-doc"));
    expect(unknownDoc.status).toBe(422);
    expect((unknownDoc.body as TProblem).errors?.map((e) => [e.field, e.code])).toEqual([
      ["documentId", "unknown_reference"],
    ]);
    expect((await requestJson(viewer, PATH, post(importBody("csv", csvOf(GOOD), true)))).status).toBe(403);
    const tooLong = await both(importBody("csv", "x".repeat(MAX_IMPORT_CHARS + 1), true));
    expect(tooLong.status).toBe(400);
    // Japanese text: under the character limit, over the byte limit (1 MiB).
    const tooBig = await both(importBody("csv", "あ".repeat(MAX_IMPORT_CHARS - 10), true));
    expect(tooBig.status).toBe(413);
    // The page checks the same limit before sending.
    expect(contract.importProgress.maxBodyBytes).toBe(MAX_IMPORT_BODY_BYTES);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties of the shared parsing and import (src/shared may import only zod, so they live here).

const ctx: TEditContext = {
  now: new Date("2025-10-01T03:00:00Z"),
  actor: { id: "usr-1", username: "editor", displayName: "Editor" },
};

describe("CSV and the import, for any input", () => {
  it("the CSV reader reads back whatever the writer writes (formula-like text neutralised)", () => {
    const row = fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 8 }).map((rows) => rows.filter((r) => r.some((c) => c !== ""))),
        fc.boolean(),
        (rows, bom) => {
          const parsed = parseCsv(writeCsv(rows, { bom }));
          expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual(rows.map((r) => r.map(csvText)));
        },
      ),
    );
  });

  it("any text, as CSV or JSON, is either imported or refused with 422 — never an exception", () => {
    const data = case2025 as TDataset;
    const csvLike = fc
      .array(
        fc.array(
          fc.constantFrom("coh-3-refund", "2025-09-01", "1", "", '"', ",", "\n", "x", "completed", "\u0000"),
          { maxLength: 7 },
        ),
        { maxLength: 6 },
      )
      .map((rows) => [HEADER.join(","), ...rows.map((r) => r.join(","))].join("\n"));
    const content = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      csvLike,
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(
        content,
        fc.constantFrom("csv" as const, "json" as const),
        fc.boolean(),
        (text, format, dryRun) => {
          const out = importProgress(data, importBody(format, text, dryRun), ctx);
          if (out.ok) return;
          expect(out.problem.status).toBe(422);
          expect(out.problem.errors?.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a shuffled file gives the same record and the same outcomes", () => {
    const data = case2025 as TDataset;
    // Cohorts the rows cannot contradict by ending "completed" with fewer people put right.
    const cohorts = data.cohorts.filter((c) => c.people.status === "reported" && c.status !== "completed");
    const row = fc.record({
      cohort: fc.constantFrom(...cohorts),
      day: fc.integer({ min: 1, max: 90 }),
      monthOnly: fc.boolean(),
      share: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      status: fc.constantFrom("", "in_progress", "not_reported"),
      note: fc.constantFrom("", "報告あり"),
    });
    const dateOf = (r: { day: number; monthOnly: boolean }) => {
      const day = new Date(Date.UTC(2025, 6, r.day)).toISOString().slice(0, 10);
      return r.monthOnly ? day.slice(0, 7) : day;
    };
    const file = fc
      .uniqueArray(row, { minLength: 1, maxLength: 12, selector: (r) => `${r.cohort.id} ${dateOf(r)}` })
      .map((rows) =>
        rows.map((r): TRow => {
          const people = r.cohort.people.status === "reported" ? r.cohort.people.value : 0;
          const done = r.share === null ? "" : String(Math.floor(r.share * people));
          return [r.cohort.id, "", dateOf(r), done, r.status, r.note, ""];
        }),
      )
      .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })));
    fc.assert(
      fc.property(file, ([rows, shuffled]) => {
        const run = (r: TRow[]) => {
          const out = importProgress(data, importBody("csv", csvOf(r)), ctx);
          if (!out.ok) throw new Error(JSON.stringify(out.problem));
          return out;
        };
        const a = run(rows);
        const b = run(shuffled);
        expect(b.data).toEqual(a.data);
        expect(b.changes).toEqual(a.changes);
        const key = (r: { cohortId: string; date: string; outcome: string }) =>
          `${r.cohortId} ${r.date} ${r.outcome}`;
        expect(b.result.rows.map(key).sort()).toEqual(a.result.rows.map(key).sort());
        // And applying it again changes nothing.
        const again = importProgress(a.data, importBody("csv", csvOf(shuffled)), ctx);
        expect(again.ok && again.changes).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
