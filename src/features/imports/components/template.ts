import { writeCsv } from "@/shared/csv";
import { IMPORT_COLUMNS, type TImportColumn } from "@/shared/schemas/progress-import";

/*
 * The vendor's template, built here from the shared column list so it always matches what the import
 * reads: one row per cohort with its id and name filled in, everything else for the vendor to fill.
 */

export type TTemplateCohort = { id: string; label: string };

const cellOf = (cohort: TTemplateCohort, column: TImportColumn) =>
  column === "cohort_id" ? cohort.id : column === "cohort_label" ? cohort.label : "";

/**
 * CSV with a BOM (Excel then reads it as UTF-8), the header, and one row per cohort; a name a spreadsheet
 * would run as a formula is written as text (the writer's CSV-injection guard).
 */
export const csvTemplate = (cohorts: readonly TTemplateCohort[]) =>
  writeCsv([[...IMPORT_COLUMNS], ...cohorts.map((c) => IMPORT_COLUMNS.map((column) => cellOf(c, column)))], {
    bom: true,
  });

/** The same as JSON: an array of row objects with the same keys (done_count null = not reported). */
export const jsonTemplate = (cohorts: readonly TTemplateCohort[]) =>
  `${JSON.stringify(
    cohorts.map((c) =>
      Object.fromEntries(
        IMPORT_COLUMNS.map((column) => [column, column === "done_count" ? null : cellOf(c, column)]),
      ),
    ),
    null,
    2,
  )}\n`;
