import { writeCsv } from "../csv";
import type { TCohort } from "../schemas/cohort";
import type { TDataset } from "../schemas/dataset";
import type { TFieldError } from "../schemas/problem";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, type TProgressImportBody } from "../schemas/progress-import";
import { case2025 } from "../seed/case-2025";
import type { TEditContext } from "./engine";
import {
  IMPORT_ERROR_CODES,
  importProgress,
  MAX_REPORTED_ERRORS,
  normaliseImportCount,
  normaliseImportDate,
} from "./progress-import";

const data = case2025 as TDataset;
const ctx: TEditContext = {
  now: new Date("2025-10-01T03:00:00Z"),
  actor: { id: "usr-1", username: "editor", displayName: "Editor" },
};
const HEADER = ["cohort_id", "date", "done_count", "cohort_status", "note_ja", "note_en"];

const csv = (rows: string[][], header = HEADER) => writeCsv([header, ...rows], { bom: true });
const body = (content: string, extra: Partial<TProgressImportBody> = {}): TProgressImportBody => ({
  format: "csv",
  content,
  documentId: "doc-5",
  dryRun: false,
  ...extra,
});

const run = (content: string, extra: Partial<TProgressImportBody> = {}, on: TDataset = data) =>
  importProgress(on, body(content, extra), ctx);

const ok = (content: string, extra: Partial<TProgressImportBody> = {}, on: TDataset = data) => {
  const out = run(content, extra, on);
  if (!out.ok) throw new Error(JSON.stringify(out.problem, null, 2));
  return out;
};

const errorsOf = (content: string, extra: Partial<TProgressImportBody> = {}, on: TDataset = data) => {
  const out = run(content, extra, on);
  if (out.ok) throw new Error("expected the file to be refused");
  expect(out.problem.status).toBe(422);
  for (const e of out.problem.errors ?? []) expect(IMPORT_ERROR_CODES).toContain(e.code);
  return out.problem.errors ?? [];
};

const brief = (errors: TFieldError[]) => errors.map((e) => [e.line ?? null, e.field, e.code]);
const cohort = (d: TDataset, id: string) => d.cohorts.find((c) => c.id === id) as TCohort;

const REFUNDS = [
  ["coh-3-refund", "2025-09-10", "1", "", "1名に返金", ""],
  ["coh-3-refund", "2025-09-20", "3", "completed", "", "All three refunded"],
  ["coh-1-letters", "2025-09", "", "", "", ""],
];

describe("importProgress: applying a good file", () => {
  it("adds events, changes status, one change per cohort with its version up by one", () => {
    const out = ok(csv(REFUNDS));
    expect(out.result.applied).toBe(true);
    expect(
      out.result.rows.map((r) => [r.line, r.cohortId, r.date, r.doneCount, r.cohortStatus, r.outcome]),
    ).toEqual([
      [2, "coh-3-refund", "2025-09-10", 1, null, "added"],
      [3, "coh-3-refund", "2025-09-20", 3, "completed", "added"],
      [4, "coh-1-letters", "2025-09", null, null, "added"],
    ]);
    expect(out.result.counts).toEqual({ added: 3, updated: 0, unchanged: 0 });
    // Record order, not file order.
    expect(out.changes.map((c) => [c.entityType, c.entityId])).toEqual([
      ["cohort", "coh-1-letters"],
      ["cohort", "coh-3-refund"],
    ]);
    const refund = cohort(out.data, "coh-3-refund");
    expect(refund.version).toBe(2);
    expect(refund.status).toBe("completed");
    expect(refund.statusSource).toEqual({ documentId: "doc-5", cites: [] });
    expect(refund.progress.map((e) => [e.id, e.date, e.doneCount])).toEqual([
      ["pe-2", "2025-09-10", { status: "reported", value: 1, source: { documentId: "doc-5", cites: [] } }],
      ["pe-3", "2025-09-20", { status: "reported", value: 3, source: { documentId: "doc-5", cites: [] } }],
    ]);
    // A note in one language serves as both.
    expect(refund.progress[0]?.note).toEqual({ ja: "1名に返金", en: "1名に返金" });
    expect(refund.progress[1]?.note).toEqual({ ja: "All three refunded", en: "All three refunded" });
    // The input is never changed in place.
    expect(cohort(data, "coh-3-refund").progress).toEqual([]);
  });

  it("records an empty done_count as not reported, never as 0", () => {
    const out = ok(csv([["coh-1-letters", "2025-09", "", "", "", ""]]));
    const [event] = cohort(out.data, "coh-1-letters").progress;
    expect(event?.doneCount.status).toBe("not_reported");
    expect(event?.doneCount).not.toHaveProperty("value");
    expect(out.result.rows[0]?.doneCount).toBeNull();
  });

  it("changes nothing the second time: no changes, the same record, every row unchanged", () => {
    const first = ok(csv(REFUNDS));
    const second = ok(csv(REFUNDS), {}, first.data);
    expect(second.changes).toEqual([]);
    expect(second.data).toBe(first.data);
    expect(second.result.counts).toEqual({ added: 0, updated: 0, unchanged: 3 });
    // Even when cited from another document: the same figure is not counted again.
    expect(ok(csv(REFUNDS), { documentId: "doc-4" }, first.data).changes).toEqual([]);
  });

  it("updates the event of a (cohort, date) already recorded with another figure", () => {
    const first = ok(csv([["coh-3-refund", "2025-09-10", "1", "", "first note", ""]]));
    const second = ok(
      csv([["coh-3-refund", "2025-09-10", "2", "", "", ""]]),
      { documentId: "doc-4" },
      first.data,
    );
    expect(second.result.rows[0]?.outcome).toBe("updated");
    const [event] = cohort(second.data, "coh-3-refund").progress;
    expect(event?.id).toBe("pe-1");
    expect(event?.doneCount).toEqual({
      status: "reported",
      value: 2,
      source: { documentId: "doc-4", cites: [] },
    });
    expect(event?.source.documentId).toBe("doc-4");
    // An empty note cell keeps the note recorded.
    expect(event?.note?.ja).toBe("first note");
    expect(cohort(second.data, "coh-3-refund").version).toBe(3);
  });

  it("matches the seed's own events: the same figure is unchanged, a new note updates", () => {
    expect(ok(csv([["coh-2-failed", "2025-08-15", "6", "", "", ""]])).result.rows[0]?.outcome).toBe(
      "unchanged",
    );
    const noted = ok(csv([["coh-2-failed", "2025-08-15", "6", "", "再請求済み", "Re-billed"]]));
    expect(noted.result.rows[0]?.outcome).toBe("updated");
    const [event] = cohort(noted.data, "coh-2-failed").progress;
    // The figure is the one already recorded, with its own source.
    expect(event?.doneCount).toEqual(cohort(data, "coh-2-failed").progress[0]?.doneCount);
    expect(event?.note).toEqual({ ja: "再請求済み", en: "Re-billed" });
  });

  it("a row whose count is recorded but whose status is new updates the cohort", () => {
    const first = ok(csv([["coh-3-refund", "2025-09-10", "3", "", "", ""]]));
    const second = ok(csv([["coh-3-refund", "2025-09-10", "3", "completed", "", ""]]), {}, first.data);
    expect(second.result.rows[0]?.outcome).toBe("updated");
    expect(cohort(second.data, "coh-3-refund").status).toBe("completed");
  });

  it("a dry run answers the same rows and stores nothing", () => {
    const wet = ok(csv(REFUNDS));
    const dry = ok(csv(REFUNDS), { dryRun: true });
    expect(dry.result).toEqual({ ...wet.result, applied: false });
    expect(dry.changes).toEqual([]);
    expect(dry.data).toBe(data);
  });

  it("reads JSON with the same keys to the same record (line = the item's number)", () => {
    const items = REFUNDS.map((r) => ({
      cohort_id: r[0],
      date: r[1],
      done_count: r[2] === "" ? null : Number(r[2]),
      cohort_status: r[3] === "" ? null : r[3],
      note_ja: r[4],
      note_en: r[5],
    }));
    const fromJson = ok(JSON.stringify(items, null, 2), { format: "json" });
    const fromCsv = ok(csv(REFUNDS));
    expect(fromJson.data).toEqual(fromCsv.data);
    expect(fromJson.changes).toEqual(fromCsv.changes);
    expect(fromJson.result.rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(fromJson.result.rows.map(({ line: _l, ...r }) => r)).toEqual(
      fromCsv.result.rows.map(({ line: _l, ...r }) => r),
    );
  });

  it("accepts columns in any order, an ignored label column, no note columns, and LF files", () => {
    const text = "date,cohort_label,done_count,cohort_id\n2025-09-10,返金,1,coh-3-refund\n";
    expect(ok(text).result.rows).toEqual([
      {
        line: 2,
        cohortId: "coh-3-refund",
        date: "2025-09-10",
        doneCount: 1,
        cohortStatus: null,
        note: null,
        // Every column of the template, as the file gave it (absent ones empty), for the preview.
        cells: {
          cohort_id: "coh-3-refund",
          cohort_label: "返金",
          date: "2025-09-10",
          done_count: "1",
          cohort_status: "",
          note_ja: "",
          note_en: "",
        },
        outcome: "added",
      },
    ]);
  });

  it("answers each row's note as recorded and its cells as written, so a split note shows", () => {
    // A note with a comma left unquoted: its second half lands in note_en, which the file still allows.
    const text = [
      "cohort_id,date,done_count,cohort_status,note_ja,note_en",
      "coh-3-refund,2025-09-10,1,,1名に返金済み,残りは10月",
    ].join("\n");
    const [row] = ok(text).result.rows;
    expect(row?.note).toEqual({ ja: "1名に返金済み", en: "残りは10月" });
    expect(row?.cells).toMatchObject({ note_ja: "1名に返金済み", note_en: "残りは10月" });
  });

  it("reads what spreadsheets make of dates and numbers", () => {
    expect(normaliseImportDate("2025/9/1")).toBe("2025-09-01");
    expect(normaliseImportDate("２０２５－０９－０１")).toBe("2025-09-01");
    expect(normaliseImportDate("2025年9月")).toBe("2025-09");
    expect(normaliseImportDate("2025-02-30")).toBeNull();
    expect(normaliseImportDate("09/01/2025")).toBeNull();
    expect(normaliseImportCount("1,854")).toBe(1854);
    expect(normaliseImportCount("１８５４名")).toBe(1854);
    expect(normaliseImportCount("18,54")).toBeNull();
    expect(normaliseImportCount("-1")).toBeNull();
    expect(normaliseImportCount("1.5")).toBeNull();
  });
});

describe("importProgress: refusing a file", () => {
  it("lists every problem of every row with line, column, code and params, and changes nothing", () => {
    const out = run(
      csv([
        ["coh-3-refund", "2025-09-10", "5", "completed", "", ""],
        ["nope", "2025-13-01", "x", "done", "", ""],
        ["", "", "", "", "", ""],
        ["coh-3-refund", "2099-01-01", "2", "in_progress", "", ""],
        ["coh-3-refund", "2025-09-10", "1", "", "", ""],
        ["coh-1-letters", "", "1", "", "", ""],
        ["coh-3-refund", "2025-08-01", "3", "completed", "", ""],
      ]),
      { documentId: "no-such-doc" },
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problem.status).toBe(422);
    expect(brief(out.problem.errors ?? [])).toEqual([
      [null, "documentId", "unknown_reference"],
      [2, "done_count", "exceeds_people"],
      [3, "cohort_id", "unknown_reference"],
      [3, "date", "invalid_date"],
      [3, "done_count", "invalid_number"],
      [3, "cohort_status", "invalid_status"],
      // Line 4 is all empty: skipped. Line 5:
      [5, "date", "in_future"],
      [6, "date", "duplicate_row"],
      [7, "date", "required"],
    ]);
    const errors = out.problem.errors ?? [];
    expect(errors.find((e) => e.code === "exceeds_people")?.params).toEqual({ people: 3 });
    expect(errors.find((e) => e.code === "duplicate_row")?.params).toEqual({ line: 2 });
    expect(errors.find((e) => e.code === "invalid_status")?.params?.value).toBe("done");
    expect(errors.every((e) => e.in === "body")).toBe(true);
  });

  it("reports every independent problem of a row at once, not one after another", () => {
    // A status that cannot be read does not hide the count that exceeds the group, nor the future date.
    expect(brief(errorsOf(csv([["coh-3-refund", "2099-01-01", "5", "finished", "", ""]])))).toEqual([
      [2, "date", "in_future"],
      [2, "done_count", "exceeds_people"],
      [2, "cohort_status", "invalid_status"],
    ]);
    // A count that cannot be read does not hide a future date nor a note that cannot be stored.
    expect(brief(errorsOf(csv([["coh-3-refund", "2099-01-01", "x", "", "bad\u0000text", ""]])))).toEqual([
      [2, "date", "in_future"],
      [2, "done_count", "invalid_number"],
      [2, "note_ja", "invalid_text"],
    ]);
    // A repeated row is still checked for what it says itself.
    expect(
      brief(
        errorsOf(
          csv([
            ["coh-3-refund", "2025-09-10", "1", "", "", ""],
            ["coh-3-refund", "2025-09-10", "9", "", "", ""],
          ]),
        ),
      ),
    ).toEqual([
      [3, "date", "duplicate_row"],
      [3, "done_count", "exceeds_people"],
    ]);
  });

  it("checks the rows even when the header is wrong: a misspelt column hides nothing else", () => {
    const text =
      "cohort_id,date,done,cohort_status\nnope,2025-13-01,1,\ncoh-3-refund,2099-01-01,1,finished\n";
    expect(brief(errorsOf(text))).toEqual([
      [1, "done", "unknown_column"],
      [1, "done_count", "missing_column"],
      [2, "cohort_id", "unknown_reference"],
      [2, "date", "invalid_date"],
      [3, "date", "in_future"],
      [3, "cohort_status", "invalid_status"],
    ]);
    // A row with more cells than the header (a note with a stray comma) still has its cells checked.
    expect(brief(errorsOf("cohort_id,date,done_count\ncoh-3-refund,2099-01-01,1,extra\n"))).toEqual([
      [2, "content", "too_many_cells"],
      [2, "date", "in_future"],
    ]);
  });

  it("checks a JSON item's other keys when one has the wrong type or is missing", () => {
    const items = [
      { cohort_id: "coh-3-refund", date: "2099-01-01", done_count: true },
      { cohort_id: "nope", date: "2025-09-01" },
    ];
    expect(brief(errorsOf(JSON.stringify(items), { format: "json" }))).toEqual([
      [1, "date", "in_future"],
      [1, "done_count", "invalid_type"],
      [2, "cohort_id", "unknown_reference"],
      [2, "done_count", "missing_column"],
    ]);
  });

  it("completed with fewer members put right than the cohort has is refused on that row", () => {
    expect(brief(errorsOf(csv([["coh-3-refund", "2025-09-10", "2", "completed", "", ""]])))).toEqual([
      [2, "cohort_status", "completed_short"],
    ]);
    // The latest row of a cohort the file marks completed elsewhere is checked against that status…
    expect(
      brief(
        errorsOf(
          csv([
            ["coh-3-refund", "2025-09-01", "3", "completed", "", ""],
            ["coh-3-refund", "2025-09-10", "2", "", "", ""],
          ]),
        ),
      ),
    ).toEqual([[3, "cohort_status", "completed_short"]]);
    // …but an earlier report of a completed cohort is history, not a contradiction.
    expect(ok(csv([["coh-2-failed", "2025-08-01", "2", "", "", ""]])).result.rows[0]?.outcome).toBe("added");
  });

  it("refuses a header with unknown, repeated or missing columns on line 1", () => {
    expect(brief(errorsOf("cohort_id,done,date,date\ncoh-3-refund,1,2025-09-01,2025-09-01\n"))).toEqual([
      [1, "done", "unknown_column"],
      [1, "date", "duplicate_column"],
      [1, "done_count", "missing_column"],
    ]);
  });

  it("refuses an empty file, a header alone, and more rows than the limit", () => {
    expect(brief(errorsOf(""))).toEqual([[null, "content", "no_rows"]]);
    expect(brief(errorsOf("cohort_id,date,done_count\r\n"))).toEqual([[null, "content", "no_rows"]]);
    const many = `cohort_id,date,done_count\n${"coh-3-refund,2025-09-01,1\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    const [error] = errorsOf(many);
    expect(error).toMatchObject({
      code: "too_many_rows",
      params: { max: MAX_IMPORT_ROWS, count: MAX_IMPORT_ROWS + 1 },
    });
  });

  it("skips template rows left as they were, and refuses a file of nothing else", () => {
    const template = [...IMPORT_COLUMNS];
    const untouched = ["coh-1-letters", "お詫び文書", "", "", "", "", ""];
    const out = ok(csv([untouched, ["coh-3-refund", "返金", "2025-09-01", "1", "", "", ""]], template));
    expect(out.result.rows.map((r) => [r.line, r.cohortId])).toEqual([[3, "coh-3-refund"]]);
    expect(brief(errorsOf(csv([untouched], template)))).toEqual([[null, "content", "no_rows"]]);
    // A date with an empty count is filled in: the vendor did not report the number.
    expect(ok(csv([["coh-1-letters", "", "2025-09-01", "", "", "", ""]], template)).result.rows).toHaveLength(
      1,
    );
  });

  it("refuses a row with more cells than the header, but not a short row", () => {
    expect(brief(errorsOf("cohort_id,date,done_count\ncoh-3-refund,2025-09-01,1,extra\n"))).toEqual([
      [2, "content", "too_many_cells"],
    ]);
    expect(ok("cohort_id,date,done_count,note_ja\ncoh-3-refund,2025-09-01,1\n").result.counts.added).toBe(1);
  });

  it("refuses notes that are too long or cannot be stored, on the cell they came from", () => {
    expect(brief(errorsOf(csv([["coh-3-refund", "2025-09-01", "1", "", "あ".repeat(4001), ""]])))).toEqual([
      [2, "note_ja", "too_long"],
    ]);
    // Given in English only, it is stored in both languages: one error, on note_en.
    expect(brief(errorsOf(csv([["coh-3-refund", "2025-09-01", "1", "", "", "bad\u0000text"]])))).toEqual([
      [2, "note_en", "invalid_text"],
    ]);
  });

  it("refuses malformed JSON with its line, a non-array, non-object items, wrong types and missing keys", () => {
    expect(brief(errorsOf('[\n  {"cohort_id": "coh-3-refund",\n  }\n]', { format: "json" }))).toEqual([
      [3, "content", "invalid_json"],
    ]);
    expect(brief(errorsOf('{"rows": []}', { format: "json" }))).toEqual([[null, "content", "not_an_array"]]);
    expect(brief(errorsOf("[]", { format: "json" }))).toEqual([[null, "content", "no_rows"]]);
    const items = [
      "row",
      { cohort_id: "coh-3-refund", date: "2025-09-01" },
      { cohort_id: "coh-3-refund", date: "2025-09-02", done_count: true, colour: "red" },
      { cohort_id: "coh-3-refund", date: "2025-09-03", done_count: 1.5 },
    ];
    expect(brief(errorsOf(JSON.stringify(items), { format: "json" }))).toEqual([
      [1, "content", "not_an_object"],
      [2, "done_count", "missing_column"],
      [3, "colour", "unknown_column"],
      [3, "done_count", "invalid_type"],
      [4, "done_count", "invalid_number"],
    ]);
  });

  it("reports a CSV quote left open on the line it opens", () => {
    expect(
      brief(errorsOf('cohort_id,date,done_count\ncoh-3-refund,2025-09-01,1\n"coh-3-refund,2025-09-02,1\n')),
    ).toEqual([[3, "content", "unterminated_quote"]]);
  });

  it("lists at most the first errors and counts the rest", () => {
    const rows = Array.from({ length: MAX_REPORTED_ERRORS + 5 }, (_, i) => [
      "nope",
      `2025-09-${(i % 28) + 1}`,
      "1",
      "",
      "",
      "",
    ]);
    const errors = errorsOf(csv(rows));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toMatchObject({ code: "more_errors", params: { count: 5 } });
  });

  it("every column the template names is one the import reads", () => {
    const text = csv([["coh-3-refund", "返金", "2025-09-01", "1", "", "", ""]], [...IMPORT_COLUMNS]);
    expect(ok(text).result.counts.added).toBe(1);
  });
});
