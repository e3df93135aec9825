import { formatDate, formatMoment, formatMonthName, formatNumber, percentOf, pluralCategory } from "./format";

describe("format", () => {
  it("writes dates the way the association does", () => {
    expect(formatDate("2025-08-23", "ja")).toBe("2025年8月23日");
    expect(formatDate("2025-08", "ja")).toBe("2025年8月");
    expect(formatDate("2025-08-23", "en")).toBe("23 Aug 2025");
    expect(formatDate("2025-08", "en")).toBe("August 2025");
  });
  it("writes a moment as the day and time in Tokyo, to the minute", () => {
    expect(formatMoment("2025-10-01T05:03:00.000Z", "en")).toBe("1 Oct 2025, 14:03");
    expect(formatMoment("2025-10-01T05:03:00.000Z", "ja")).toBe("2025年10月1日 14:03");
    expect(formatMoment("2025-12-31T15:30:00.000Z", "ja")).toBe("2026年1月1日 00:30");
  });
  it("names a month on its own", () => {
    expect(formatMonthName(4, "ja")).toBe("4月");
    expect(formatMonthName(4, "en")).toBe("April");
  });
  it("groups thousands", () => {
    expect(formatNumber(372000, "ja")).toBe("372,000");
    expect(formatNumber(1860, "en")).toBe("1,860");
    expect(formatNumber(83.5, "ja", 1)).toBe("83.5");
  });
  it("never divides by an unknown or zero base", () => {
    expect(percentOf(1860, 1863)).toBe(99.8);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(3, null)).toBeNull();
  });
  it("builds each formatter once per language and options, not once per value", () => {
    // Warm every formatter first: other tests may have built them already, or not.
    formatDate("2025-08-23", "ja");
    formatDate("2025-08", "en");
    formatMoment("2025-10-01T05:03:00.000Z", "ja");
    pluralCategory(1, "en");
    const dates = vi.spyOn(Intl, "DateTimeFormat");
    const plurals = vi.spyOn(Intl, "PluralRules");
    try {
      for (let day = 1; day <= 28; day++) {
        formatDate(`2025-08-${String(day).padStart(2, "0")}`, "ja");
        formatDate("2025-08", "en");
        formatMoment("2025-10-01T05:03:00.000Z", "ja");
        pluralCategory(day, "en");
      }
      expect(dates).not.toHaveBeenCalled();
      expect(plurals).not.toHaveBeenCalled();
    } finally {
      dates.mockRestore();
      plurals.mockRestore();
    }
  });
  it("says which plural form a count takes", () => {
    expect(pluralCategory(1, "en")).toBe("one");
    expect(pluralCategory(2, "en")).toBe("other");
    expect(pluralCategory(1, "ja")).toBe("other");
  });
});
