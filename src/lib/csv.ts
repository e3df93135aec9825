/*
 * CSV that Excel opens correctly in Japanese: UTF-8 with a byte-order mark, CRLF line ends, every
 * field quoted when it needs to be, and formula-like cells neutralised (CSV injection).
 */
export type TCsvCell = string | number | null | undefined;

const BOM = "\uFEFF";

const cell = (value: TCsvCell) => {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const toCsv = (header: TCsvCell[], rows: TCsvCell[][]) =>
  `${BOM}${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;

export const downloadCsv = (filename: string, csv: string) => {
  const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
