import { parseCsv } from "@/shared/csv";
import { IMPORT_COLUMNS } from "@/shared/schemas/progress-import";
import { csvTemplate, jsonTemplate } from "./template";

const cohorts = [
  { id: "coh-1-letters", label: "お詫び文書の送付" },
  { id: "coh-3-refund", label: '=HYPERLINK("x")' },
];

describe("the vendor's template", () => {
  it("is a UTF-8 CSV with a BOM, the import's header and one row per cohort", () => {
    const text = csvTemplate(cohorts);
    expect(
      text.startsWith("\uFEFFcohort_id,cohort_label,date,done_count,cohort_status,note_ja,note_en\r\n"),
    ).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      [...IMPORT_COLUMNS],
      ["coh-1-letters", "お詫び文書の送付", "", "", "", "", ""],
      // A name a spreadsheet would run as a formula is written as text.
      ["coh-3-refund", '\'=HYPERLINK("x")', "", "", "", "", ""],
    ]);
  });

  it("has a JSON twin with the same keys, done_count null", () => {
    const items = JSON.parse(jsonTemplate(cohorts)) as Record<string, unknown>[];
    expect(items).toHaveLength(2);
    expect(Object.keys(items[0] ?? {})).toEqual([...IMPORT_COLUMNS]);
    expect(items[0]).toMatchObject({ cohort_id: "coh-1-letters", date: "", done_count: null });
  });
});
