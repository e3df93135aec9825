import { toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, uses CRLF and quotes what needs quoting", () => {
    const csv = toCsv(
      ["件名", "人数"],
      [
        ["請求, 誤り", 1860],
        ['"引用"', null],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('件名,人数\r\n"請求, 誤り",1860\r\n"""引用""",\r\n');
  });
  it("neutralises cells Excel would run as formulas", () => {
    expect(toCsv(["a"], [["=1+1"]]).slice(1)).toBe("a\r\n'=1+1\r\n");
    expect(toCsv(["a"], [[-5]]).slice(1)).toBe("a\r\n-5\r\n");
  });
});
