import { message, type TFormatters } from "@/i18n/i18n";
import type { TMessage, TPlainKey } from "@/i18n/message-types";
import type { TFieldError } from "@/shared/schemas/problem";
import type { TImportFormat } from "@/shared/schemas/progress-import";

/*
 * A refused file's problems in the reader's language: the code says what is wrong, the params fill in
 * the values. A code this client does not know falls back to the server's English words.
 */

type TImportMessage = TMessage | { text: string };

/**
 * Each code with exactly the values its text names, taken from the error's params (the server's, or the
 * same parser's here): a count or a limit formatted as a number, a cell's value as it was written.
 */
export const importErrorMessage = (
  error: TFieldError,
  format: TImportFormat,
  f: TFormatters,
): TImportMessage => {
  const { code, params } = error;
  const raw = (name: string) => String(params?.[name] ?? "");
  const num = (name: string) => {
    const v = params?.[name];
    return typeof v === "number" ? f.number(v) : String(v ?? "");
  };
  switch (code) {
    case "unknown_reference":
      if (params?.kind === "cohort") return message("imports.err_unknown_cohort", { id: raw("id") });
      if (params?.kind === "document") return message("imports.err_unknown_document");
      return { text: error.message };
    case "in_future":
      return typeof params?.date === "string"
        ? message("imports.err_in_future", { date: f.date(params.date) })
        : { text: error.message };
    // The first occurrence's line: a file line in a CSV, an item number in JSON (not a formatted figure).
    case "duplicate_row":
      return message(format === "json" ? "imports.err_duplicate_item" : "imports.err_duplicate_row", {
        line: raw("line"),
      });
    case "missing_column":
      return format === "json" && error.field === "done_count" && error.line !== undefined
        ? message("imports.err_missing_done_count")
        : message("imports.err_missing_column", { column: raw("column") });
    case "too_large":
    case "too_long":
    case "too_many_cells":
      return message(`imports.err_${code}`, { max: num("max") });
    case "too_many_rows":
      return message("imports.err_too_many_rows", { count: num("count"), max: num("max") });
    case "more_errors":
      return message("imports.err_more_errors", { count: num("count") });
    case "exceeds_people":
      return message("imports.err_exceeds_people", { total: num("people") });
    case "completed_short":
      return message("imports.err_completed_short", { total: num("people"), done: num("done") });
    case "invalid_date":
    case "invalid_number":
    case "invalid_status":
      return message(`imports.err_${code}`, { value: raw("value") });
    case "unknown_column":
    case "duplicate_column":
      return message(`imports.err_${code}`, { column: raw("column") });
    case "unnamed_column":
      return message("imports.err_unnamed_column", { position: raw("position") });
    case "required":
    case "invalid_text":
    case "no_rows":
    case "unterminated_quote":
    case "text_after_quote":
    case "invalid_json":
    case "not_an_array":
    case "not_an_object":
    case "invalid_type":
      return message(`imports.err_${code}`);
    default:
      return { text: error.message };
  }
};

/** Which cell a problem is about: a column by its name, or the file, or the chosen document. */
export const importFieldLabel = (field: string): { key: TPlainKey } | { column: string } => {
  if (field === "content" || field === "") return { key: "imports.wholeFile" };
  if (field === "documentId") return { key: "imports.fieldDocument" };
  return { column: field };
};
