import { setupServer } from "msw/node";
import { MOCK_DEMO_USERS, mockUsers, resetMockAuth, signInMock, signOutMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createApp } from "@/server/app";
import { createUser } from "@/server/repository/users";
import { ensureTestUser, signIn, TEST_PASSWORD, type TSignedIn } from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import type { TRequester } from "@/server/test/request";
import { contract, endpointNames, type TEndpoint, type TEndpointName } from "@/shared/contract";
import { buildUrl, PROBLEM_CONTENT_TYPE } from "@/shared/http";
import { CSRF_HEADER, ROLE_RANK, type TRole } from "@/shared/schemas/auth";

/*
 * The authorisation matrix, generated from the contract: every endpoint × {anonymous, viewer, editor,
 * admin}, each with a request that succeeds for whoever may make it. The expected answer follows from the
 * endpoint's `access` alone: public → 200 for all; otherwise anonymous → 401, a role below it → 403, at or
 * above it → 200. Run against the real server (PGlite; PostgreSQL when TEST_DATABASE_URL is set) and the
 * mocks. SAMPLES has a type that lists every endpoint: a new endpoint fails the type check until it has
 * a sample here, so none can be left out.
 */

type TWho = "anonymous" | TRole;
const WHO: TWho[] = ["anonymous", "viewer", "editor", "admin"];

type TFixture = {
  /** Credentials that sign in (for the login endpoint's own sample). */
  login: { username: string; password: string };
  /** A fresh user to change: its id and version. */
  newUser(): Promise<{ id: string; version: number }>;
  unique(prefix: string): string;
};

type TSample = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };

const SAMPLES: { [N in TEndpointName]: (f: TFixture) => TSample | Promise<TSample> } = {
  health: () => ({}),
  openapi: () => ({}),
  getOrganisation: () => ({}),
  listVendors: () => ({}),
  getVendor: () => ({ params: { vendorId: "sompo" } }),
  listRegulatoryActions: () => ({ query: { vendorId: "sompo" } }),
  listProducts: () => ({}),
  getProduct: () => ({ params: { productId: "prod-medical" } }),
  listDocuments: () => ({}),
  getDocument: () => ({ params: { documentId: "doc-1" } }),
  listIncidents: () => ({}),
  getIncident: () => ({ params: { incidentId: "inc-1" } }),
  listCohorts: () => ({}),
  getCohort: () => ({ params: { cohortId: "coh-3-refund" } }),
  listCommitments: () => ({}),
  getCommitment: () => ({ params: { commitmentId: "cmt-1-letters" } }),
  listMeetings: () => ({}),
  getMeeting: () => ({ params: { meetingId: "mtg-2025-03" } }),
  getOverview: () => ({ query: { asOf: "2025-09-30" } }),
  getAffectedStats: () => ({}),
  getRemediationStats: () => ({}),
  getRemediationTimeline: () => ({}),
  getCommitmentStats: () => ({}),
  getIntervalStats: () => ({}),
  getVendorScorecards: () => ({}),
  login: (f) => ({ body: f.login }),
  logout: () => ({}),
  getSession: () => ({}),
  listUsers: () => ({}),
  createUser: (f) => ({
    body: { username: f.unique("new"), displayName: "Matrix", role: "viewer", password: "matrix passphrase" },
  }),
  updateUser: async (f) => {
    const user = await f.newUser();
    return { params: { userId: user.id }, body: { version: user.version, displayName: "Renamed" } };
  },
};

const expectedStatus = (endpoint: TEndpoint, who: TWho) => {
  if (endpoint.access === "public") return 200;
  if (who === "anonymous") return 401;
  return ROLE_RANK[who] >= ROLE_RANK[endpoint.access] ? 200 : 403;
};

type TCell = { name: TEndpointName; who: TWho; expected: number };
const cells: TCell[] = WHO.flatMap((who) =>
  endpointNames.map((name) => ({ name, who, expected: expectedStatus(contract[name], who) })),
);

const requestFor = async (name: TEndpointName, f: TFixture, credentials: TCredentials | null) => {
  const endpoint: TEndpoint = contract[name];
  const sample = await SAMPLES[name](f);
  const headers: Record<string, string> = {};
  if (credentials) {
    if (credentials.cookie) headers.cookie = credentials.cookie;
    headers[CSRF_HEADER] = credentials.csrfToken;
  }
  if (sample.body !== undefined) headers["content-type"] = "application/json";
  return {
    path: buildUrl(endpoint, sample.params, sample.query),
    init: {
      method: endpoint.method,
      headers,
      ...(sample.body === undefined ? {} : { body: JSON.stringify(sample.body) }),
    } satisfies RequestInit,
  };
};

type TCredentials = { cookie: string; csrfToken: string };

/** Signing in or out, or changing users, resets who the client is: those cells sign in again after. */
const CHANGES_SESSION = new Set<TEndpointName>(["login", "logout"]);

it("has a sample request for every endpoint of the contract", () => {
  expect(Object.keys(SAMPLES).sort()).toEqual([...endpointNames].sort());
  expect(cells).toHaveLength(endpointNames.length * WHO.length);
  // Not a matrix of one kind of answer: each outcome occurs.
  expect(new Set(cells.map((c) => c.expected))).toEqual(new Set([200, 401, 403]));
});

describe.each(testEngines)("the authorisation matrix on the real server (%s)", (engine) => {
  let t: TTestDb;
  let app: TRequester;
  const sessions = new Map<TWho, TSignedIn | null>();
  let counter = 0;
  const now = new Date("2025-09-30T03:00:00Z");
  const fixture = (): TFixture => ({
    login: { username: "test-viewer", password: TEST_PASSWORD },
    newUser: async () => {
      const user = await createUser(
        t.db,
        { username: `target-${++counter}`, displayName: "Target", role: "viewer", password: TEST_PASSWORD },
        now,
      );
      if (!user) throw new Error("could not create a target user");
      return user;
    },
    unique: (prefix) => `${prefix}-${engine}-${++counter}`,
  });
  const signInAs = async (who: TWho) => {
    sessions.set(who, who === "anonymous" ? null : await signIn(app, `test-${who}`));
  };

  beforeAll(async () => {
    t = await openTestDb({ engine });
    // A still clock: a refused request writes nothing at all, not even a session's last-seen time.
    app = createApp({ db: t.db, staticDir: "/nonexistent", log: () => undefined, clock: () => now });
    for (const role of ["viewer", "editor", "admin"] as const) await ensureTestUser(t.db, role);
    for (const who of WHO) await signInAs(who);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(cells)("$who → $name: $expected", async ({ name, who, expected }) => {
    const { path, init } = await requestFor(name, fixture(), sessions.get(who) ?? null);
    const before = expected === 200 ? "" : await dataDigest(t.db);
    const response = await app.request(path, init);
    const text = await response.text();
    expect(response.status, text).toBe(expected);
    if (expected !== 200) {
      expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
      // Refused means refused: nothing stored, nothing changed.
      expect(await dataDigest(t.db)).toBe(before);
    }
    if (CHANGES_SESSION.has(name)) await signInAs(who);
  });
});

describe("the authorisation matrix on the mocks", () => {
  const mock = setupServer(...createHandlers());
  let counter = 0;
  const credentials = new Map<TWho, TCredentials | null>();
  const viewer = MOCK_DEMO_USERS.find((u) => u.role === "viewer");
  const fixture = (): TFixture => ({
    login: { username: viewer?.username ?? "", password: viewer?.password ?? "" },
    newUser: async () => {
      const user = {
        id: `usr-target${String(++counter).padStart(4, "0")}`,
        username: `target-${counter}`,
        displayName: "Target",
        role: "viewer" as const,
        disabled: false,
        createdAt: new Date().toISOString(),
        version: 1,
        password: TEST_PASSWORD,
      };
      mockUsers().push(user);
      return user;
    },
    unique: (prefix) => `${prefix}-mock-${++counter}`,
  });
  // The mocks have one current session (see auth-state.ts): each cell signs in as its role first.
  const become = (who: TWho) => {
    if (who === "anonymous") {
      signOutMock();
      credentials.set(who, null);
    } else {
      credentials.set(who, { cookie: "", csrfToken: signInMock(who).csrfToken });
    }
  };

  beforeAll(() => {
    mock.listen({ onUnhandledRequest: "error" });
    resetMockAuth(null);
  });
  afterAll(() => {
    mock.close();
    resetMockAuth(null);
  });

  it.each(cells)("$who → $name: $expected", async ({ name, who, expected }) => {
    become(who);
    const { path, init } = await requestFor(name, fixture(), credentials.get(who) ?? null);
    const usersBefore = JSON.stringify(mockUsers());
    const response = await fetch(`http://mock.test${path}`, init);
    const text = await response.text();
    expect(response.status, text).toBe(expected);
    if (expected !== 200) {
      expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
      expect(JSON.stringify(mockUsers())).toBe(usersBefore);
    }
  });
});
