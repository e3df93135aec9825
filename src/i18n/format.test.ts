import { formatDate, formatNumber, percentOf } from "./format";

describe("format", () => {
  it("writes dates the way the association does", () => {
    expect(formatDate("2025-08-23", "ja")).toBe("2025年8月23日");
    expect(formatDate("2025-08", "ja")).toBe("2025年8月");
    expect(formatDate("2025-08-23", "en")).toBe("23 Aug 2025");
    expect(formatDate("2025-08", "en")).toBe("August 2025");
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
});
