import { todayInTokyo } from "@/shared/dates";
import { parseAsOf, parseFiscalYear } from "./url-params";

describe("parseFiscalYear", () => {
  it("accepts a four-digit 年度 and ignores anything else", () => {
    expect(parseFiscalYear("2025")).toBe(2025);
    expect(parseFiscalYear("25")).toBeUndefined();
    expect(parseFiscalYear("2025x")).toBeUndefined();
    expect(parseFiscalYear("1800")).toBeUndefined();
    expect(parseFiscalYear(null)).toBeUndefined();
  });
});

describe("parseAsOf", () => {
  it("takes a valid ?asOf= date, and today in Tokyo otherwise", () => {
    expect(parseAsOf(new URLSearchParams("asOf=2025-09-30"))).toBe("2025-09-30");
    expect(parseAsOf(new URLSearchParams("asOf=2025-02-30"))).toBe(todayInTokyo());
    expect(parseAsOf(new URLSearchParams(""))).toBe(todayInTokyo());
  });
});
