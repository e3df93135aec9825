import type { TMessageKey } from "@/i18n/catalog";
import type { TFormatters, TVars } from "@/i18n/i18n";
import type { TFieldError } from "@/shared/schemas/problem";
import type { TImportFormat } from "@/shared/schemas/progress-import";

/*
 * A refused file's problems in the reader's language: the code says what is wrong, the params fill in
 * the values. A code this client does not know falls back to the server's English words.
 */

const SIMPLE = new Set([
  "required",
  "invalid_date",
  "invalid_number",
  "invalid_status",
  "invalid_text",
  "unknown_column",
  "duplicate_column",
  "missing_column",
  "unnamed_column",
  "too_many_cells",
  "no_rows",
  "unterminated_quote",
  "text_after_quote",
  "invalid_json",
  "not_an_array",
  "not_an_object",
  "invalid_type",
]);
const COUNTED = new Set([
  "too_large",
  "too_long",
  "too_many_rows",
  "more_errors",
  "exceeds_people",
  "completed_short",
]);

type TMessage = { key: TMessageKey; vars?: TVars } | { text: string };

const numbers = (params: TFieldError["params"], f: TFormatters): TVars =>
  Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === "number" ? f.number(v) : v]),
  );

export const importErrorMessage = (error: TFieldError, format: TImportFormat, f: TFormatters): TMessage => {
  const { code, params } = error;
  const key = (name: string) => `imports.err_${name}` as TMessageKey;
  if (code === "unknown_reference") {
    if (params?.kind === "cohort") return { key: key("unknown_cohort"), vars: { id: String(params.id) } };
    if (params?.kind === "document") return { key: key("unknown_document") };
  }
  if (code === "in_future" && typeof params?.date === "string") {
    return { key: key("in_future"), vars: { date: f.date(params.date) } };
  }
  if (code === "duplicate_row") {
    // The first occurrence's line: a file line in a CSV, an item number in JSON (not a formatted figure).
    return {
      key: key(format === "json" ? "duplicate_item" : "duplicate_row"),
      vars: { line: String(params?.line ?? "") },
    };
  }
  if (
    code === "missing_column" &&
    format === "json" &&
    error.field === "done_count" &&
    error.line !== undefined
  ) {
    return { key: key("missing_done_count") };
  }
  if (COUNTED.has(code)) return { key: key(code), vars: numbers(params, f) };
  if (SIMPLE.has(code)) return { key: key(code), vars: params as TVars | undefined };
  return { text: error.message };
};

/** Which cell a problem is about: a column by its name, or the file, or the chosen document. */
export const importFieldLabel = (field: string): { key: TMessageKey } | { column: string } => {
  if (field === "content" || field === "") return { key: "imports.wholeFile" };
  if (field === "documentId") return { key: "imports.fieldDocument" };
  return { column: field };
};
