import type { TImportFormat } from "@/shared/schemas/progress-import";

/*
 * A vendor's file as text. Excel in Japan saves "CSV" as Shift_JIS unless told "CSV UTF-8": a file that
 * is not valid UTF-8 is read as Shift_JIS rather than turned into replacement characters.
 */

export type TReadFile = { text: string; encoding: "utf-8" | "shift_jis"; format: TImportFormat };

/** By the name's extension; without a telling one, by the first character ([ or { is JSON). */
export const formatOf = (name: string, text: string): TImportFormat => {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  return /^\uFEFF?\s*[[{]/.test(text) ? "json" : "csv";
};

export const decodeFile = (bytes: ArrayBuffer): Pick<TReadFile, "text" | "encoding"> => {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "shift_jis" };
  }
};

export const readFile = async (file: File): Promise<TReadFile> => {
  const decoded = decodeFile(await file.arrayBuffer());
  return { ...decoded, format: formatOf(file.name, decoded.text) };
};
