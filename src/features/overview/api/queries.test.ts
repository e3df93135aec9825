import { asOfInAddress, overviewQueries, parseScope, scopeSearch } from "./queries";

const params = (search: string) => new URLSearchParams(search);

describe("the overview's scope in the address", () => {
  it("reads case, status, vendor, 年度 and the day", () => {
    expect(parseScope(params("case=case-1&status=all&vendor=bpo&year=2026&asOf=2025-08-01"))).toEqual({
      caseId: "case-1",
      caseStatus: "all",
      vendorId: "bpo",
      fiscalYear: 2026,
      asOf: "2025-08-01",
    });
  });

  it("defaults to the open cases as of today, and ignores what the API would refuse", () => {
    const scope = parseScope(params("case=Not An Id&status=some&vendor=&year=20x6&asOf=yesterday"));
    expect(scope).toEqual({ caseStatus: "open", asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(asOfInAddress(params("asOf=yesterday"))).toBe(false);
    expect(asOfInAddress(params("asOf=2025-08-01"))).toBe(true);
  });

  it("writes a scope back as the same address (the day only when it was fixed)", () => {
    const search = "?case=case-1&status=closed&vendor=bpo&year=2026&asOf=2025-08-01";
    expect(scopeSearch(parseScope(params(search)), true)).toBe(search);
    expect(scopeSearch(parseScope(params(search)), false)).toBe(
      "?case=case-1&status=closed&vendor=bpo&year=2026",
    );
    expect(scopeSearch({ caseStatus: "open", asOf: "2025-08-01" }, false)).toBe("");
  });
});

describe("overviewQueries", () => {
  it("keys every figure by the whole scope, so two scopes never share an answer", () => {
    const a = parseScope(params("asOf=2025-08-01"));
    const b = parseScope(params("asOf=2025-08-01&case=case-1"));
    for (const make of [
      overviewQueries.headline,
      overviewQueries.affected,
      overviewQueries.remediation,
      overviewQueries.remediationTimeline,
      overviewQueries.intervals,
      overviewQueries.commitmentStats,
    ]) {
      expect(make(a).queryKey[0]).toBe("overview");
      expect(make(a).queryKey).not.toEqual(make(b).queryKey);
      expect(make(b).queryKey.at(-1)).toEqual({ asOf: "2025-08-01", caseStatus: "open", caseId: "case-1" });
    }
  });
});
