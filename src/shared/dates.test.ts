import fc from "fast-check";
import {
  addDays,
  addMonths,
  daysBetween,
  fiscalYearOf,
  lastDayOfMonth,
  minusMonths,
  todayInTokyo,
} from "./dates";

describe("dates", () => {
  it("counts whole days as PostgreSQL does", () => {
    expect(daysBetween("2025-04-21", "2025-08-18")).toBe(119);
    expect(daysBetween("2025-04-17", "2025-08-23")).toBe(128);
    expect(daysBetween("2025-08-23", "2025-08-23")).toBe(0);
    expect(addDays("2025-12-25", 14)).toBe("2026-01-08");
  });
  it("names the fiscal year (年度, April–March) by its first year", () => {
    expect(fiscalYearOf("2025-08-23")).toBe(2025);
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
    expect(fiscalYearOf("2025-07")).toBe(2025);
  });
  it("steps back whole months, clamping to the month's end", () => {
    expect(minusMonths("2026-11-27", 24)).toBe("2024-11-27");
    expect(minusMonths("2028-02-29", 24)).toBe("2026-02-28");
    expect(minusMonths("2025-03-31", 1)).toBe("2025-02-28");
  });
  it("steps forward whole months across years, clamping to the month's end", () => {
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2023-11-29", 3)).toBe("2024-02-29");
    expect(addMonths("2025-12-15", 1)).toBe("2026-01-15");
    expect(addMonths("2025-01-31", -2)).toBe("2024-11-30");
    expect(addMonths("2025-05-31", 0)).toBe("2025-05-31");
  });
  it("names a month's last day, leap years included", () => {
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2025-02-10")).toBe("2025-02-28");
    expect(lastDayOfMonth("2025-12")).toBe("2025-12-31");
  });
  it("takes today's date in Tokyo, not UTC", () => {
    expect(todayInTokyo(new Date("2025-08-22T15:30:00Z"))).toBe("2025-08-23");
    expect(todayInTokyo(new Date("2025-06-19T14:59:59.999Z"))).toBe("2025-06-19");
    expect(todayInTokyo(new Date("2025-06-19T15:00:00Z"))).toBe("2025-06-20");
  });
  it("agrees with the Asia/Tokyo time zone at any instant since 1952 (UTC+9, no summer time)", () => {
    const tokyo = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const instants = fc.date({
      min: new Date("1952-01-01T00:00:00Z"),
      max: new Date("2200-01-01T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (d) => todayInTokyo(d) === tokyo.format(d)),
      { numRuns: 2000 },
    );
  });
});
