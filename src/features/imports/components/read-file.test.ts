import { decodeFile, formatOf, readFile } from "./read-file";

describe("reading the vendor's file", () => {
  it("reads UTF-8 (with or without a BOM) as it is", async () => {
    const read = await readFile(new File(["\uFEFFcohort_id,date\n返金,2025-09-01\n"], "r.csv"));
    expect(read.encoding).toBe("utf-8");
    expect(read.format).toBe("csv");
    expect(read.text).toBe("cohort_id,date\n返金,2025-09-01\n");
  });

  it("reads what Excel saves as plain CSV in Japan (Shift_JIS)", () => {
    // 返金 in Shift_JIS.
    const bytes = new Uint8Array([0x95, 0xd4, 0x8b, 0xe0, 0x2c, 0x31]);
    expect(decodeFile(bytes.buffer)).toEqual({ text: "返金,1", encoding: "shift_jis" });
  });

  it("tells the format by the extension, else by the first character", () => {
    expect(formatOf("report.JSON", "cohort_id")).toBe("json");
    expect(formatOf("report.csv", "[")).toBe("csv");
    expect(formatOf("report", "  [{}]")).toBe("json");
    expect(formatOf("report", "cohort_id,date")).toBe("csv");
  });
});
