import { translateMessage } from "@/i18n/i18n";
import { IMPORT_ERROR_CODES } from "@/shared/edits/progress-import";
import type { TFieldError } from "@/shared/schemas/problem";
import { importErrorMessage } from "./import-messages";

const f = {
  number: (n: number) => n.toLocaleString("ja-JP"),
  date: (d: string) => `date(${d})`,
} as unknown as Parameters<typeof importErrorMessage>[2];

const error = (code: string, params?: TFieldError["params"]): TFieldError => ({
  in: "body",
  field: "done_count",
  code,
  message: `server words for ${code}`,
  line: 2,
  ...(params ? { params } : {}),
});

const PARAMS: Record<string, TFieldError["params"]> = {
  unknown_reference: { kind: "cohort", id: "coh-x" },
  in_future: { date: "2099-01-01" },
  exceeds_people: { people: 1854 },
  completed_short: { done: 2, people: 3 },
  duplicate_row: { line: 2 },
  too_many_rows: { max: 10000, count: 10001 },
  more_errors: { count: 5 },
  too_large: { max: 9007199254740991 },
  too_long: { max: 4000 },
  too_many_cells: { max: 7 },
};

describe("importErrorMessage", () => {
  it.each(IMPORT_ERROR_CODES)("says %s in both languages, with its values", (code) => {
    for (const format of ["csv", "json"] as const) {
      const m = importErrorMessage(
        error(code, PARAMS[code] ?? { value: "v", column: "c", position: 3 }),
        format,
        f,
      );
      expect(m, `${code} falls back to the server's words`).not.toHaveProperty("text");
      if ("text" in m) continue;
      for (const lang of ["ja", "en"] as const) {
        const text = translateMessage(lang, m);
        expect(text).not.toBe(m.key);
        expect(text, `${lang} ${code}: a placeholder left unfilled`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("formats counts and dates, and names a JSON item rather than a line", () => {
    const people = importErrorMessage(error("exceeds_people", { people: 1854 }), "csv", f);
    expect("key" in people && translateMessage("ja", people)).toBe(
      "対象グループの人数(1,854名)を超えています",
    );
    const future = importErrorMessage(error("in_future", { date: "2099-01-01" }), "csv", f);
    expect("key" in future && translateMessage("en", future)).toBe("date(2099-01-01) is after today");
    const dup = importErrorMessage(error("duplicate_row", { line: 1234 }), "json", f);
    expect("key" in dup && translateMessage("ja", dup)).toBe(
      "同じ対象グループと日付の項目が 1234番目にもあります",
    );
  });

  it("falls back to the server's words for a code it does not know", () => {
    expect(importErrorMessage(error("brand_new"), "csv", f)).toEqual({ text: "server words for brand_new" });
  });
});
