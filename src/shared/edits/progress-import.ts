import { parseCsv } from "../csv";
import { problem } from "../http";
import type { TCohort, TCohortStatus, TProgressEvent } from "../schemas/cohort";
import { ZCohortStatus } from "../schemas/cohort";
import { type TFigure, type TSourceRef, type TText, ZPartialDate } from "../schemas/common";
import type { TDataset } from "../schemas/dataset";
import type { TFieldError } from "../schemas/problem";
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  type TImportColumn,
  type TImportFormat,
  type TProgressImportBody,
  type TProgressImportResult,
} from "../schemas/progress-import";
import {
  asRecord,
  refuse,
  storageProblems,
  type TEditContext,
  type TEditOutcome,
  type TRecordChange,
} from "./engine";
import { recordProgress } from "./records";

/*
 * The import of a vendor's progress report (CSV or JSON), shared by the server and the mocks:
 *
 *   read the file → check every row → apply all rows to the record, or none.
 *
 * Every problem of every row is reported at once (line, column, code, params), so the secretariat can
 * fix the file in one go: a problem is held back only when it cannot be told without another being fixed
 * first (a row's count against its group needs a readable count and a known group). A header with a
 * misspelt or missing column still has its rows checked for everything the other columns say; a cell that
 * cannot be read still leaves the row's other cells, and the rules that do not depend on it, checked. The
 * rules of a single progress event are the ones the form uses (records.ts `recordProgress`: in_future,
 * exceeds_people, completed_short, storable text).
 *
 * Re-importing never double-counts: a row for a (cohort, date) already recorded with the same figure
 * is `unchanged`, with another figure it `updated`s that event, otherwise it is `added`. Rows are applied
 * in date order per cohort whatever their order in the file, so a shuffled file gives the same record.
 *
 * A row with nothing but the cohort's id and label (a template row the vendor did not fill in) is skipped.
 *
 * `line`: for CSV the file line the row starts on (the header is line 1); for JSON the item's number in
 * the array (the first object is 1) — a JSON file is often one line, so its text lines would say nothing.
 */

/** Every code a refused import's errors carry (clients translate them; tests hold the import to them). */
export const IMPORT_ERROR_CODES = [
  // the file
  "no_rows",
  "too_many_rows",
  "unterminated_quote",
  "text_after_quote",
  "invalid_json",
  "not_an_array",
  "not_an_object",
  "unknown_column",
  "duplicate_column",
  "missing_column",
  "unnamed_column",
  "too_many_cells",
  "more_errors",
  // a cell
  "required",
  "invalid_type",
  "invalid_date",
  "invalid_number",
  "invalid_status",
  "too_long",
  "too_large",
  "invalid_text",
  "unknown_reference",
  // a row against the record (the form's rules, records.ts)
  "duplicate_row",
  "in_future",
  "exceeds_people",
  "completed_short",
] as const;

/** At most this many errors are listed; the rest are counted in one `more_errors` entry. */
export const MAX_REPORTED_ERRORS = 1000;
/** As the record's text fields (ZText). */
export const MAX_NOTE_CHARS = 4000;

/** What a not-reported count says is missing (an empty done_count cell). */
const NOT_REPORTED_DONE: TText = {
  ja: "ベンダーの報告に是正済みの人数の記載なし",
  en: "The vendor's report does not give the number of people put right",
};

type TCells = Partial<Record<TImportColumn, string>>;
/**
 * A row as read. `unreadable`: columns whose cell could not be read at all (the column is missing from
 * the file, or a JSON value of the wrong type); their problem is already reported, so the cell is neither
 * checked again nor used by a rule.
 */
type TRawRow = { line: number; cells: TCells; unreadable: ReadonlySet<TImportColumn> };

type TCheckedRow = {
  line: number;
  cohort: TCohort;
  date: string;
  done: number | null;
  status: TCohortStatus | null;
  note: TText | null;
  /** Which note cells the row filled in. */
  noteCells: { ja: boolean; en: boolean };
  /** Every column's cell as the file gave it ("" when empty or absent), for the preview. */
  cells: Record<TImportColumn, string>;
};

/**
 * What could be told of a row whose cells are not all good: the group and the day when they are known
 * (the rules against the record need both), and the count and status only when they could be read
 * (`undefined`: unreadable, so no rule looks at them).
 */
type TPartialRow = Omit<TCheckedRow, "cohort" | "date" | "done" | "status"> & {
  cohort: TCohort | null;
  date: string | null;
  done: number | null | undefined;
  status: TCohortStatus | null | undefined;
};

const err = (
  field: string,
  code: string,
  message: string,
  line?: number,
  params?: Record<string, string | number>,
): TFieldError => ({
  in: "body",
  field,
  code,
  message,
  ...(line !== undefined ? { line } : {}),
  ...(params ? { params } : {}),
});

// ---------------------------------------------------------------------------------------------------
// Reading the file

/** The rows that could be read, and the problems of the file and of the rows that could not. */
type TRead = { rows: TRawRow[]; errors: TFieldError[] };

const KNOWN = new Set<string>(IMPORT_COLUMNS);
const columnName = (raw: string) => raw.normalize("NFKC").trim().toLowerCase();

const rowCountProblem = (count: number): TFieldError | null => {
  if (count === 0) return err("content", "no_rows", "the file has no rows to import");
  if (count > MAX_IMPORT_ROWS) {
    return err(
      "content",
      "too_many_rows",
      `the file has ${count} rows; at most ${MAX_IMPORT_ROWS} at once`,
      undefined,
      {
        max: MAX_IMPORT_ROWS,
        count,
      },
    );
  }
  return null;
};

const readCsv = (content: string): TRead => {
  const parsed = parseCsv(content);
  if (!parsed.ok) {
    const message =
      parsed.code === "unterminated_quote"
        ? "a quoted cell starts here and is never closed"
        : "text follows a closing quote (write a quote inside a quoted cell as two quotes)";
    return { rows: [], errors: [err("content", parsed.code, message, parsed.line)] };
  }
  const [header, ...records] = parsed.records;
  if (!header) return { rows: [], errors: [err("content", "no_rows", "the file is empty")] };
  const names = header.cells.map(columnName);
  // A spreadsheet may save trailing empty header cells (",,"): they name nothing.
  while (names.length > 0 && names.at(-1) === "") names.pop();
  const errors: TFieldError[] = [];
  /** Where each known column is read from: its first occurrence (a repeated one is refused, not read). */
  const position = new Map<TImportColumn, number>();
  names.forEach((name, i) => {
    if (name === "") {
      errors.push(
        err("content", "unnamed_column", `column ${i + 1} has no name`, header.line, { position: i + 1 }),
      );
    } else if (!KNOWN.has(name)) {
      errors.push(
        err(
          name,
          "unknown_column",
          `unknown column "${name}"; the columns are ${IMPORT_COLUMNS.join(", ")}`,
          header.line,
          {
            column: name,
          },
        ),
      );
    } else if (position.has(name as TImportColumn)) {
      errors.push(
        err(name, "duplicate_column", `the column "${name}" appears twice`, header.line, { column: name }),
      );
    } else position.set(name as TImportColumn, i);
  });
  const missing = new Set<TImportColumn>();
  for (const column of REQUIRED_IMPORT_COLUMNS) {
    if (!position.has(column)) {
      missing.add(column);
      errors.push(
        err(column, "missing_column", `the column "${column}" is missing`, header.line, { column }),
      );
    }
  }
  const countProblem = rowCountProblem(records.length);
  if (countProblem) return { rows: [], errors: [...errors, countProblem] };
  // The rows are read whatever the header's problems: the columns that are there still say something.
  const rows: TRawRow[] = [];
  for (const record of records) {
    const extra = record.cells.slice(names.length).some((c) => c.trim() !== "");
    if (extra) {
      // Often a note with a comma that was not quoted: the cells within the header are still checked.
      errors.push(
        err(
          "content",
          "too_many_cells",
          `the row has more cells than the header's ${names.length} columns`,
          record.line,
          {
            max: names.length,
          },
        ),
      );
    }
    const cells: TCells = {};
    // A row a spreadsheet saved shorter than the header: the missing cells are empty.
    for (const [column, i] of position) cells[column] = record.cells[i] ?? "";
    rows.push({ line: record.line, cells, unreadable: missing });
  }
  return { rows, errors };
};

/** The line of a JSON syntax error, when the engine's message gives its position. */
const jsonErrorLine = (content: string, message: string): number | undefined => {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const position = Math.min(Number(m[1]), content.length);
  let line = 1;
  for (let i = 0; i < position; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
};

const readJson = (content: string): TRead => {
  const text = content.startsWith("\uFEFF") ? content.slice(1) : content;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const line = jsonErrorLine(text, e instanceof Error ? e.message : "");
    return { rows: [], errors: [err("content", "invalid_json", "the file is not valid JSON", line)] };
  }
  if (!Array.isArray(value)) {
    return {
      rows: [],
      errors: [err("content", "not_an_array", "a JSON file must be an array of row objects")],
    };
  }
  const countProblem = rowCountProblem(value.length);
  if (countProblem) return { rows: [], errors: [countProblem] };
  const errors: TFieldError[] = [];
  const rows: TRawRow[] = [];
  value.forEach((item: unknown, index) => {
    const line = index + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      errors.push(
        err("content", "not_an_object", "each item must be an object with the column names as keys", line),
      );
      return;
    }
    const cells: TCells = {};
    const unreadable = new Set<TImportColumn>();
    for (const [key, v] of Object.entries(item)) {
      if (!KNOWN.has(key)) {
        errors.push(
          err(
            key,
            "unknown_column",
            `unknown key "${key}"; the keys are ${IMPORT_COLUMNS.join(", ")}`,
            line,
            {
              column: key,
            },
          ),
        );
        // The row is still checked: a stray key hides nothing else.
        continue;
      }
      const column = key as TImportColumn;
      if (v === null) cells[column] = "";
      else if (typeof v === "string") cells[column] = v;
      else if (typeof v === "number" && Number.isFinite(v)) cells[column] = String(v);
      else {
        errors.push(err(key, "invalid_type", "must be a string, a number or null", line));
        unreadable.add(column);
      }
    }
    for (const column of REQUIRED_IMPORT_COLUMNS) {
      if (!Object.hasOwn(item, column)) {
        const hint = column === "done_count" ? " (null when the vendor did not report the number)" : "";
        errors.push(err(column, "missing_column", `the key "${column}" is missing${hint}`, line, { column }));
        unreadable.add(column);
      }
    }
    // The keys that could be read are still checked, and the rules that do not need the others.
    rows.push({ line, cells, unreadable });
  });
  return { rows, errors };
};

export const readImportFile = (format: TImportFormat, content: string): TRead =>
  format === "csv" ? readCsv(content) : readJson(content);

// ---------------------------------------------------------------------------------------------------
// Checking cells

/** Full-width digits and punctuation (common in Japanese spreadsheets) read as their ASCII forms. */
const plain = (s: string | undefined) => (s ?? "").normalize("NFKC").trim();

const pad2 = (s: string) => s.padStart(2, "0");

/**
 * A day or a month: 2025-08-15 and 2025-08 as the record writes them, and what spreadsheets make of
 * them (2025/8/15, 2025年8月15日).
 */
export const normaliseImportDate = (raw: string): string | null => {
  const s = plain(raw);
  const m =
    /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d] = m as unknown as [string, string, string, string | undefined];
  const date = d === undefined ? `${y}-${pad2(mo)}` : `${y}-${pad2(mo)}-${pad2(d)}`;
  return ZPartialDate.safeParse(date).success ? date : null;
};

/** A count of members: digits, optionally grouped with commas (1,854) and followed by 名 or 人. */
export const normaliseImportCount = (raw: string): number | null => {
  const s = plain(raw).replace(/[名人]$/, "");
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(s)) return null;
  return Number(s.replace(/,/g, ""));
};

const noteOf = (ja: string, en: string): TText | null => {
  if (ja === "" && en === "") return null;
  // The record keeps every text in both languages; a note given in one serves as both.
  return { ja: ja || en, en: en || ja };
};

const ALLOWED_STATUSES = ZCohortStatus.options.join(", ");

/**
 * A template row the vendor left as it was (only the cohort's id and label): it reports nothing, so it
 * is skipped rather than refused. A row with a date and an empty count is filled in: "not reported".
 */
const isFilledIn = ({ cells }: TRawRow) =>
  (["date", "done_count", "cohort_status", "note_ja", "note_en"] as const).some(
    (c) => plain(cells[c]) !== "",
  );

/** Every column's cell as the file gave it, for the preview ("" when empty or absent). */
const allCells = (cells: TCells): Record<TImportColumn, string> =>
  Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, cells[c] ?? ""])) as Record<TImportColumn, string>;

/**
 * Every problem of the row's own cells, and what could be read of it: a cell's problem never stops the
 * other cells being checked.
 */
const checkCells = (
  row: TRawRow,
  cohorts: ReadonlyMap<string, TCohort>,
): { row: TPartialRow; errors: TFieldError[] } => {
  const { line, cells, unreadable } = row;
  const errors: TFieldError[] = [];
  const readable = (column: TImportColumn) => !unreadable.has(column);

  const cohortId = plain(cells.cohort_id);
  const cohort = readable("cohort_id") ? (cohorts.get(cohortId) ?? null) : null;
  if (readable("cohort_id")) {
    if (cohortId === "") errors.push(err("cohort_id", "required", "the cohort's id is required", line));
    else if (!cohort) {
      errors.push(
        err("cohort_id", "unknown_reference", `no cohort with id "${cohortId}"`, line, {
          kind: "cohort",
          id: cohortId,
        }),
      );
    }
  }

  const rawDate = plain(cells.date);
  let date: string | null = null;
  if (readable("date")) {
    date = rawDate === "" ? null : normaliseImportDate(rawDate);
    if (rawDate === "") errors.push(err("date", "required", "the date is required", line));
    else if (date === null) {
      errors.push(
        err("date", "invalid_date", `"${rawDate}" is not a date YYYY-MM-DD or a month YYYY-MM`, line, {
          value: rawDate,
        }),
      );
    }
  }

  const rawDone = plain(cells.done_count);
  let done: number | null | undefined = readable("done_count") ? null : undefined;
  if (readable("done_count") && rawDone !== "") {
    done = normaliseImportCount(rawDone);
    if (done === null) {
      done = undefined;
      errors.push(
        err("done_count", "invalid_number", `"${rawDone}" is not a whole number of people`, line, {
          value: rawDone,
        }),
      );
    } else if (done > Number.MAX_SAFE_INTEGER) {
      done = undefined;
      errors.push(
        err("done_count", "too_large", `must be at most ${Number.MAX_SAFE_INTEGER}`, line, {
          max: Number.MAX_SAFE_INTEGER,
        }),
      );
    }
  }

  const rawStatus = plain(cells.cohort_status).toLowerCase();
  let status: TCohortStatus | null | undefined = readable("cohort_status") ? null : undefined;
  if (readable("cohort_status") && rawStatus !== "") {
    const parsed = ZCohortStatus.safeParse(rawStatus);
    if (parsed.success) status = parsed.data;
    else {
      status = undefined;
      errors.push(
        err("cohort_status", "invalid_status", `"${rawStatus}" is not one of ${ALLOWED_STATUSES}`, line, {
          value: rawStatus,
          allowed: ALLOWED_STATUSES,
        }),
      );
    }
  }

  const noteJa = readable("note_ja") ? (cells.note_ja ?? "").trim() : "";
  const noteEn = readable("note_en") ? (cells.note_en ?? "").trim() : "";
  let noteOk = true;
  for (const [field, text] of [
    ["note_ja", noteJa],
    ["note_en", noteEn],
  ] as const) {
    if (text.length > MAX_NOTE_CHARS) {
      noteOk = false;
      errors.push(
        err(field, "too_long", `at most ${MAX_NOTE_CHARS} characters`, line, { max: MAX_NOTE_CHARS }),
      );
    }
  }
  return {
    row: {
      line,
      cohort,
      date,
      done,
      status,
      note: noteOk ? noteOf(noteJa, noteEn) : null,
      noteCells: { ja: noteJa !== "", en: noteEn !== "" },
      cells: allCells(cells),
    },
    errors,
  };
};

/** A row every cell of which could be read and is good. */
const complete = (row: TPartialRow, errors: readonly TFieldError[]): TCheckedRow | null =>
  errors.length === 0 &&
  row.cohort !== null &&
  row.date !== null &&
  row.done !== undefined &&
  row.status !== undefined
    ? { ...row, cohort: row.cohort, date: row.date, done: row.done, status: row.status }
    : null;

// ---------------------------------------------------------------------------------------------------
// Checking rows against the record

const figureOf = (done: number | null, source: TSourceRef): TFigure =>
  done === null
    ? { status: "not_reported", missing: NOT_REPORTED_DONE, source }
    : { status: "reported", value: done, source };

/** The field of a progress-event error (records.ts) as the file's column; null for the document's own. */
const columnOf = (field: string, row: Pick<TCheckedRow, "noteCells">): string | null => {
  if (field.startsWith("source") || field.startsWith("doneCount.source")) return null;
  if (field === "date") return "date";
  if (field.startsWith("doneCount")) return "done_count";
  if (field === "cohortStatus") return "cohort_status";
  // A note given in one language is stored in both: its problem belongs to the cell it came from.
  if (field.startsWith("note.ja")) return row.noteCells.ja ? "note_ja" : "note_en";
  if (field.startsWith("note.en")) return row.noteCells.en ? "note_en" : "note_ja";
  return field;
};

const sortErrors = (errors: TFieldError[]) => {
  // The file's own problems (no column) first, then the columns in the template's order.
  const order = (field: string) => (IMPORT_COLUMNS as readonly string[]).indexOf(field);
  const seen = new Set<string>();
  return errors
    .map((e) => err(e.field, e.code, e.message, e.line, e.params))
    .filter((e) => {
      const key = `${e.line ?? 0}\u0000${e.field}\u0000${e.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || order(a.field) - order(b.field));
};

const refusal = (errors: TFieldError[]) => {
  const sorted = sortErrors(errors);
  const listed = sorted.slice(0, MAX_REPORTED_ERRORS);
  if (sorted.length > MAX_REPORTED_ERRORS) {
    const count = sorted.length - MAX_REPORTED_ERRORS;
    listed.push(err("content", "more_errors", `${count} more problems are not listed`, undefined, { count }));
  }
  const lines = new Set(sorted.map((e) => e.line).filter((l) => l !== undefined)).size;
  return refuse(
    problem(
      422,
      `The file was not imported: ${sorted.length} problem(s)${lines > 0 ? ` on ${lines} row(s)` : ""}; nothing was stored.`,
      listed,
    ),
  );
};

const sameText = (a: TText | null, b: TText | null) => a?.ja === b?.ja && a?.en === b?.en;

/** The row's count is the figure already recorded: the same exact number, or both not reported. */
const sameFigure = (figure: TFigure, done: number | null) =>
  done === null
    ? figure.status === "not_reported"
    : (figure.status === "reported" || figure.status === "derived") && figure.value === done;

/** Fresh progress-event ids, as `nextId("pe", …)` would give them one after another. */
const eventIds = (data: TDataset) => {
  const taken = new Set(data.cohorts.flatMap((c) => c.progress.map((e) => e.id)));
  let n = 0;
  for (const id of taken) {
    const m = /^pe-(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return () => {
    let id = `pe-${++n}`;
    while (taken.has(id)) id = `pe-${++n}`;
    taken.add(id);
    return id;
  };
};

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Checks the file and, when every row is good, returns the record with all rows applied: one change per
 * cohort that changed (its version up by one), and the outcome of every row. `dryRun` returns the same
 * outcomes over the unchanged record.
 */
export const importProgress = (
  data: TDataset,
  body: TProgressImportBody,
  ctx: TEditContext,
): TEditOutcome<TProgressImportResult> => {
  const source: TSourceRef = { documentId: body.documentId, cites: [] };
  const errors: TFieldError[] = storageProblems(data, { documentId: body.documentId });
  const read = readImportFile(body.format, body.content);
  errors.push(...read.errors);

  const cohorts = new Map(data.cohorts.map((c) => [c.id, c]));
  const checked: TCheckedRow[] = [];
  // Rows with a known group and day but another problem (or a repeat of an earlier row): still held to
  // the rules against the record that do not depend on what is wrong with them.
  const partial: TPartialRow[] = [];
  const firstLine = new Map<string, number>();
  let filled = 0;
  for (const raw of read.rows) {
    if (!isFilledIn(raw)) continue;
    filled++;
    const out = checkCells(raw, cohorts);
    errors.push(...out.errors);
    const row = out.row;
    if (row.cohort === null || row.date === null) continue;
    const key = `${row.cohort.id}\u0000${row.date}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      errors.push(
        err("date", "duplicate_row", `the same cohort and date are already on line ${first}`, row.line, {
          line: first,
        }),
      );
      partial.push(row);
      continue;
    }
    firstLine.set(key, row.line);
    const good = complete(row, out.errors);
    if (good) checked.push(good);
    else partial.push(row);
  }

  if (read.errors.length === 0 && filled === 0) {
    errors.push(err("content", "no_rows", "no row is filled in beyond the cohort"));
  }

  // Per cohort: its rows in date order, the status the latest row with one gives, and its latest date.
  const plan = new Map<string, { cohort: TCohort; rows: TCheckedRow[]; statusRow: TCheckedRow | null }>();
  for (const row of checked) {
    const entry = plan.get(row.cohort.id) ?? { cohort: row.cohort, rows: [], statusRow: null };
    entry.rows.push(row);
    plan.set(row.cohort.id, entry);
  }
  for (const entry of plan.values()) {
    entry.rows.sort(byDate);
    entry.statusRow = entry.rows.filter((r) => r.status !== null).at(-1) ?? null;
  }

  /** The form's rules for one row (records.ts), its problems put on the file's cells. */
  const ruleProblems = (
    row: Pick<TPartialRow, "line" | "note" | "noteCells">,
    cohort: TCohort,
    date: string,
    done: number | null,
    status: TCohortStatus | null,
  ) => {
    // Only this cohort, without its events: the rules look at the cohort and the event, not at the others.
    const alone: TDataset = { ...data, cohorts: [{ ...cohort, progress: [] }] };
    const out = recordProgress(
      alone,
      cohort.id,
      null,
      {
        version: cohort.version,
        date,
        doneCount: figureOf(done, source),
        note: row.note,
        source,
        ...(status ? { cohortStatus: status } : {}),
      },
      ctx,
    );
    if (out.ok) return;
    for (const e of out.problem.errors ?? []) {
      if (!status && e.code === "completed_short") continue;
      const field = columnOf(e.field, row);
      if (field !== null) errors.push({ ...e, field, line: row.line });
    }
  };

  // Each row as the form would record it, with the form's rules.
  for (const entry of plan.values()) {
    const { cohort, rows, statusRow } = entry;
    const finalStatus = statusRow?.status ?? cohort.status;
    const latest = [...cohort.progress.map((e) => e.date), ...rows.map((r) => r.date)].sort().at(-1);
    for (const row of rows) {
      // A row's own status, or — for the cohort's latest report — the status the cohort ends with.
      const status = row.status ?? (row.date === latest ? finalStatus : null);
      ruleProblems(row, cohort, row.date, row.done, status);
    }
  }
  // The others with what could be read of them: a count or status that could not be read is left out.
  for (const row of partial) {
    if (row.cohort === null || row.date === null) continue;
    ruleProblems(row, row.cohort, row.date, row.done ?? null, row.status ?? null);
  }
  if (errors.length > 0) return refusal(errors);

  // Apply: cohorts in record order, rows in date order, so the file's order never matters.
  const outcomes = new Map<TCheckedRow, "added" | "updated" | "unchanged">();
  const freshId = eventIds(data);
  const changes: TRecordChange[] = [];
  const nextCohorts = data.cohorts.map((cohort) => {
    const entry = plan.get(cohort.id);
    if (!entry) return cohort;
    const progress: TProgressEvent[] = [...cohort.progress];
    let changed = false;
    for (const row of entry.rows) {
      let at = -1;
      progress.forEach((e, i) => {
        if (e.date === row.date) at = i;
      });
      const existing = progress[at];
      if (!existing) {
        progress.push({
          id: freshId(),
          cohortId: cohort.id,
          date: row.date,
          doneCount: figureOf(row.done, source),
          note: row.note,
          statusChange: null,
          source,
        });
        outcomes.set(row, "added");
        changed = true;
        continue;
      }
      const figureSame = sameFigure(existing.doneCount, row.done);
      const noteSame = row.note === null || sameText(row.note, existing.note);
      if (figureSame && noteSame) {
        outcomes.set(row, "unchanged");
        continue;
      }
      progress[at] = {
        ...existing,
        doneCount: figureSame ? existing.doneCount : figureOf(row.done, source),
        note: row.note ?? existing.note,
        source,
      };
      outcomes.set(row, "updated");
      changed = true;
    }
    const status = entry.statusRow?.status ?? cohort.status;
    if (status !== cohort.status && entry.statusRow) {
      // The row that changes the cohort's status changes the record even when its count was already there.
      if (outcomes.get(entry.statusRow) === "unchanged") outcomes.set(entry.statusRow, "updated");
      changed = true;
      // The change is kept on that day's report, so the status on an earlier day can still be told.
      const day = entry.statusRow.date;
      const at = progress.findIndex((e) => e.date === day);
      const event = progress[at];
      if (event) progress[at] = { ...event, statusChange: { from: cohort.status, to: status } };
    }
    if (!changed) return cohort;
    const next: TCohort = {
      ...cohort,
      status,
      statusSource: status !== cohort.status ? source : cohort.statusSource,
      progress,
      version: cohort.version + 1,
    };
    changes.push({
      entityType: "cohort",
      entityId: cohort.id,
      before: asRecord(cohort),
      after: asRecord(next),
    });
    return next;
  });

  const rows = [...checked]
    .sort((a, b) => a.line - b.line)
    .map((row) => ({
      line: row.line,
      cohortId: row.cohort.id,
      date: row.date,
      doneCount: row.done,
      cohortStatus: row.status,
      note: row.note,
      cells: row.cells,
      outcome: outcomes.get(row) ?? "unchanged",
    }));
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const row of rows) counts[row.outcome]++;
  if (body.dryRun) return { ok: true, data, changes: [], result: { applied: false, rows, counts } };
  return {
    ok: true,
    data: changes.length > 0 ? { ...data, cohorts: nextCohorts } : data,
    changes,
    result: { applied: true, rows, counts },
  };
};
