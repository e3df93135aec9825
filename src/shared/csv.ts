/*
 * CSV as RFC 4180 writes it, read the way spreadsheets actually save it: quoted fields with doubled
 * quotes and line breaks inside, CRLF, LF or CR line ends, a UTF-8 byte-order mark, a blank last line.
 * The reader keeps the file line each record starts on, so an import can say where a problem is. The
 * writer is the app's only one (exports, the import template): it guards against CSV injection.
 */

export type TCsvRecord = {
  /** The file line the record starts on (1 = the first line). */
  line: number;
  cells: string[];
};

export type TCsvParse =
  | { ok: true; records: TCsvRecord[] }
  | { ok: false; line: number; code: "unterminated_quote" | "text_after_quote" };

const BOM = "\uFEFF";

/**
 * Splits CSV text into records. A quote inside an unquoted field is kept as a character (spreadsheets
 * never write one; refusing it would only lose the row). A record whose cells are all empty — a blank
 * line, or a row a spreadsheet emptied (",,,") — is left out.
 */
export const parseCsv = (input: string): TCsvParse => {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: TCsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = "";
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c !== "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && cell === "") {
      // A quoted field: runs to the next lone quote; "" is one quote; line breaks are part of the value.
      const openedOn = line;
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === "\r" && text[i + 1] === "\n") {
          cell += "\r\n";
          i += 2;
          line++;
          continue;
        }
        if (c === "\n" || c === "\r") line++;
        cell += c;
        i++;
      }
      if (!closed) return { ok: false, line: openedOn, code: "unterminated_quote" };
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        return { ok: false, line, code: "text_after_quote" };
      }
      continue;
    }
    if (ch === ",") {
      cells.push(cell);
      cell = "";
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    cell += ch;
    i++;
  }
  // The last record, unless the text ended with its line break (the usual blank last line).
  if (cell !== "" || cells.length > 0) endRecord();
  return { ok: true, records };
};

export type TCsvCell = string | number | null | undefined;

/*
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @, a tab or a carriage return as
 * a formula, so a name typed into the app could run on the computer of whoever opens an export. Such a
 * text cell is written with a leading apostrophe, which spreadsheets show as text. Numbers are numbers
 * (-5 is not a formula) and stay as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as it is written: a formula-like one neutralised (see above). */
export const csvText = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

const needsQuotes = /[",\r\n]|^\s|\s$/;

/**
 * One field: empty for null, text neutralised against formulas, quoted when it has to be (RFC 4180
 * §2.6–2.7; leading/trailing spaces are quoted too).
 */
const csvField = (value: TCsvCell) => {
  if (value === null || value === undefined) return "";
  const s = typeof value === "string" ? csvText(value) : String(value);
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Records as CSV with CRLF line ends and a final line break; `bom` for spreadsheets (Excel) to read it as
 * UTF-8.
 */
export const writeCsv = (rows: readonly (readonly TCsvCell[])[], { bom = false } = {}) =>
  `${bom ? BOM : ""}${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
