import { setupServer } from "msw/node";
import { signInMock } from "@/mocks/auth-state";
import { handlersFor } from "@/mocks/define";
import { createHandlers, mockImplementations } from "@/mocks/handlers";
import { contract, endpointNames } from "@/shared/contract";
import { methodNotAllowed, PROBLEM_CONTENT_TYPE, routeNotFound, validateRequest } from "@/shared/http";
import { case2025 } from "@/shared/seed/case-2025";

const server = setupServer(...createHandlers());
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  // Reads need a session; sign-in itself is tested in auth.test.ts.
  signInMock("viewer");
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = "http://mock.test";

const problemOf = async (res: Response) => {
  expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
  return res.json();
};

describe("mock routing and validation", () => {
  it("has an implementation for every endpoint of the contract", () => {
    expect(Object.keys(mockImplementations).sort()).toEqual([...endpointNames].sort());
  });

  it("answers invalid queries with the same problem as validateRequest", async () => {
    const search = "?limit=0&colour=red&status=open&status=closed";
    const res = await fetch(`${BASE}/api/v1/incidents${search}`);
    expect(res.status).toBe(400);
    const expected = validateRequest(contract.listIncidents, { params: {}, search });
    expect(expected.ok).toBe(false);
    if (!expected.ok) expect(await problemOf(res)).toEqual(expected.problem);
  });

  it("answers a malformed id with 400 and an unknown one with 404", async () => {
    const bad = await fetch(`${BASE}/api/v1/incidents/%ZZ`);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors[0]).toMatchObject({ in: "path", field: "incidentId" });
    const missing = await fetch(`${BASE}/api/v1/meetings/mtg-1999-01`);
    expect(missing.status).toBe(404);
    expect(await problemOf(missing)).toEqual({
      type: "https://httpstatuses.io/404",
      title: "Not found",
      status: 404,
      detail: 'No meeting with id "mtg-1999-01".',
    });
  });

  it("answers 405 with Allow on a known path and 404 on an unknown /api path", async () => {
    const post = await fetch(`${BASE}/api/v1/incidents/inc-1`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, PUT");
    expect(await problemOf(post)).toEqual(methodNotAllowed(["GET", "PUT"]));
    const unknown = await fetch(`${BASE}/api/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await problemOf(unknown)).toEqual(routeNotFound("/api/v1/nothing-here"));
  });

  it("fails loudly when an implementation breaks the contract", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = {
      ...mockImplementations,
      getOrganisation: () => ({ ...case2025.organisation, extra: 1 }),
    };
    server.use(...handlersFor(broken as never, case2025));
    const res = await fetch(`${BASE}/api/v1/organisation`);
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).toContain(
      "mock getOrganisation (GET /api/v1/organisation) breaks",
    );
    expect(errors).toHaveBeenCalled();
  });
});
