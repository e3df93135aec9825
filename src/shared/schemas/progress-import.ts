import { z } from "zod";
import { ZCohortStatus } from "./cohort";
import { ZId, ZPartialDate, ZText } from "./common";

/*
 * A vendor's progress report, uploaded as a file: one row per cohort and date with the cumulative number
 * of people put right (or notified). All rows are applied together or none; a row for a (cohort, date) already recorded
 * with the same count changes nothing, so importing the same file twice does not double-count.
 */

export const ZImportFormat = z.enum(["csv", "json"]);
export type TImportFormat = z.infer<typeof ZImportFormat>;

/** The file's text is at most this long (about 10,000 rows). */
export const MAX_IMPORT_CHARS = 400_000;

/** The request body's limit (the contract's `maxBodyBytes` for importProgress): the client checks it first. */
export const MAX_IMPORT_BODY_BYTES = 1024 * 1024;

/** A file with more data rows than this is refused as a whole (code `too_many_rows`). */
export const MAX_IMPORT_ROWS = 10_000;

/**
 * The columns of a CSV file (its header line names them, in any order) and the keys of a JSON file's row
 * objects. `cohort_label` is for the person filling the file in and is ignored; any other name is refused,
 * so that a misspelt column is not silently dropped.
 */
export const IMPORT_COLUMNS = [
  "cohort_id",
  "cohort_label",
  "date",
  "done_count",
  "cohort_status",
  "note_ja",
  "note_en",
] as const;
export type TImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Columns every file must have (a cell of `done_count` may be empty: the vendor did not report it). */
export const REQUIRED_IMPORT_COLUMNS = ["cohort_id", "date", "done_count"] as const satisfies TImportColumn[];
export const IGNORED_IMPORT_COLUMNS = ["cohort_label"] as const satisfies TImportColumn[];

export const ZProgressImportBody = z.strictObject({
  format: ZImportFormat,
  /** The file's text (UTF-8; a leading BOM is ignored). */
  content: z.string().max(MAX_IMPORT_CHARS),
  /** The document the vendor's report is (every imported figure cites it). */
  documentId: ZId,
  /** Check and show what would change, store nothing. */
  dryRun: z.boolean().default(false),
});
export type TProgressImportBody = z.infer<typeof ZProgressImportBody>;

export const ZImportOutcome = z.enum(["added", "updated", "unchanged"]);

export const ZProgressImportResult = z.strictObject({
  /** false for a dry run: nothing was stored. */
  applied: z.boolean(),
  /** In file order; `line` as in the errors of a refused file (CSV: the file line; JSON: the item's number). */
  rows: z.array(
    z.strictObject({
      line: z.number().int().min(1),
      cohortId: ZId,
      date: ZPartialDate,
      /** null: the vendor did not report the number (stored as a not-reported figure, never 0). */
      doneCount: z.number().int().min(0).nullable(),
      /** The row's cohort_status cell, or null when it had none. */
      cohortStatus: ZCohortStatus.nullable(),
      /** The note as it is recorded (one given in one language serves as both); null: none. */
      note: ZText.nullable(),
      /**
       * Every column's cell as the file gave it ("" when empty or absent), so the preview can show the
       * whole row: a note split over two cells by a stray comma is seen before it is stored.
       */
      cells: z.strictObject(
        Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, z.string()])) as Record<TImportColumn, z.ZodString>,
      ),
      outcome: ZImportOutcome,
    }),
  ),
  counts: z.strictObject({
    added: z.number().int().min(0),
    updated: z.number().int().min(0),
    unchanged: z.number().int().min(0),
  }),
});
export type TProgressImportResult = z.infer<typeof ZProgressImportResult>;
