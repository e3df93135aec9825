import { contract } from "./contract";
import { buildUrl, compilePath, validateRequest } from "./http";

describe("validateRequest", () => {
  it("coerces and defaults a valid query", () => {
    const r = validateRequest(contract.listIncidents, { params: {}, search: "fiscalYear=2025&limit=2" });
    expect(r).toEqual({
      ok: true,
      value: { params: {}, query: { fiscalYear: 2025, limit: 2, offset: 0 }, body: undefined },
    });
  });
  it("names every bad field, unknown and repeated keys included", () => {
    const r = validateRequest(contract.listIncidents, {
      params: {},
      search: "limit=0&colour=red&status=open&status=closed",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.status).toBe(400);
    const fields = r.problem.errors?.map((e) => `${e.in}:${e.field}:${e.code}`).sort();
    expect(fields).toEqual(["query:colour:unknown_field", "query:limit:too_small", "query:status:repeated"]);
  });
  it("rejects a malformed path id with a 400 naming the parameter", () => {
    const r = validateRequest(contract.getIncident, { params: { incidentId: "INC 1;drop" }, search: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.errors?.[0]).toMatchObject({ in: "path", field: "incidentId" });
  });
  it("refuses query strings on endpoints that take none", () => {
    const r = validateRequest(contract.getOrganisation, { params: {}, search: "x=1" });
    expect(r.ok).toBe(false);
  });
});

describe("paths", () => {
  it("matches and decodes path parameters, and builds URLs back", () => {
    const match = compilePath(contract.getIncident.path);
    expect(match("/api/v1/incidents/inc-1")).toEqual({ incidentId: "inc-1" });
    expect(match("/api/v1/incidents/%ZZ")).toEqual({ incidentId: "%ZZ" });
    expect(match("/api/v1/incidents")).toBeNull();
    expect(buildUrl(contract.getIncident, { incidentId: "inc-1" }, { asOf: undefined })).toBe(
      "/api/v1/incidents/inc-1",
    );
    expect(buildUrl(contract.listCommitments, undefined, { status: "open", limit: 5 })).toBe(
      "/api/v1/commitments?status=open&limit=5",
    );
  });
});
