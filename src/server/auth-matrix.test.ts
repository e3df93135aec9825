import { setupServer } from "msw/node";
import { MOCK_DEMO_USERS, mockUsers, resetMockAuth, signInMock, signOutMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createMockStore } from "@/mocks/store";
import { createApp } from "@/server/app";
import { ensureTestUser, signIn, TEST_PASSWORD, type TSignedIn } from "@/server/test/auth";
import { requestOf, type TCall, type TCaller, WRITE_SAMPLES } from "@/server/test/edit-requests";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import type { TRequester } from "@/server/test/request";
import { contract, endpointNames, type TEndpoint, type TEndpointName } from "@/shared/contract";
import { PROBLEM_CONTENT_TYPE } from "@/shared/http";
import { CSRF_HEADER, ROLE_RANK, type TRole } from "@/shared/schemas/auth";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * The authorisation matrix, generated from the contract: every endpoint × {anonymous, viewer, editor,
 * admin}, each with a request that succeeds for whoever may make it. The expected answer follows from the
 * endpoint's `access` alone: public → 200 for all; otherwise anonymous → 401, a role below it → 403, at or
 * above it → 200. Run against the real server (PGlite; PostgreSQL when TEST_DATABASE_URL is set) and the
 * mocks. SAMPLES has a type that lists every endpoint: a new endpoint fails the type check until it has
 * a sample here, so none can be left out. A write's sample is valid (src/server/test/edit-requests.ts):
 * it reads the version it sends, or creates first what it changes, so "allowed" is a real 200 and
 * "refused" is checked to store nothing.
 */

type TWho = "anonymous" | TRole;
const WHO: TWho[] = ["anonymous", "viewer", "editor", "admin"];

/**
 * `call` prepares a sample as an administrator; the sample itself is then sent as the cell's user, so
 * `password` is the cell user's own (the one changing their own password must name it).
 */
type TFixture = TCaller & {
  /** Credentials that sign in (for the login endpoint's own sample). */
  login: { username: string; password: string };
};

type TSample = TCall;

const SAMPLES: { [N in TEndpointName]: (f: TFixture) => TSample | Promise<TSample> } = {
  health: () => ({}),
  openapi: () => ({}),
  getOrganisation: () => ({}),
  listCases: () => ({}),
  getCase: () => ({ params: { caseId: "case-2025-insurance" } }),
  listVendors: () => ({}),
  getVendor: () => ({ params: { vendorId: "sompo" } }),
  listRegulatoryActions: () => ({ query: { vendorId: "sompo" } }),
  listServices: () => ({}),
  getService: () => ({ params: { serviceId: "prod-medical" } }),
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
  getCaseTimeline: () => ({}),
  getFiscalYears: () => ({}),
  getVendorScorecards: () => ({}),
  login: (f) => ({ body: f.login }),
  logout: () => ({}),
  getSession: () => ({}),
  listUsers: () => ({}),
  ...WRITE_SAMPLES,
  getMeetingSnapshot: async (f) => {
    // A meeting closed just now, through the endpoint (closing is what takes the snapshot).
    const { params, body } = await WRITE_SAMPLES.closeMeeting(f);
    const closed = await f.call("closeMeeting", { params, body });
    return { params: { meetingId: closed.id } };
  },
  listDeadlines: () => ({ query: { asOf: "2025-09-30" } }),
  getSettings: () => ({}),
  listAudit: () => ({ query: { entityType: "cohort" } }),
  verifyAudit: () => ({}),
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

type TCredentials = { cookie: string; csrfToken: string };

const headersOf = (credentials: TCredentials | null): Record<string, string> =>
  credentials
    ? { ...(credentials.cookie ? { cookie: credentials.cookie } : {}), [CSRF_HEADER]: credentials.csrfToken }
    : {};

/** Answers the parsed body of a 200, or fails naming the call. */
const okBody = async (name: string, response: Response) => {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${text}`);
  return JSON.parse(text) as never;
};

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
  let caller: TSignedIn;
  const now = new Date("2025-09-30T03:00:00Z");
  const fixture = (): TFixture => ({
    call: async (name, call = {}) => {
      const { path, init } = requestOf(name, call, headersOf(caller));
      return okBody(name, await app.request(path, init));
    },
    login: { username: "test-viewer", password: TEST_PASSWORD },
    // Every test user has the one test password.
    password: TEST_PASSWORD,
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
    // The samples' own administrator, apart from the cells' users: a cell changing its own password ends
    // its user's other sessions, and signing in again ends only the browser's own.
    await ensureTestUser(t.db, "admin", "test-sampler");
    caller = await signIn(app, "test-sampler");
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(cells)("$who → $name: $expected", async ({ name, who, expected }) => {
    const sample = await SAMPLES[name](fixture());
    const { path, init } = requestOf(name, sample, headersOf(sessions.get(who) ?? null));
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
  const store = createMockStore(case2025);
  const mock = setupServer(...createHandlers(store));
  let counter = 0;
  const credentials = new Map<TWho, TCredentials | null>();
  const viewer = MOCK_DEMO_USERS.find((u) => u.role === "viewer");
  const fixture = (who: TWho): TFixture => ({
    // The mocks have one current session: the samples sign in as the admin, the cell signs in after.
    call: async (name, call = {}) => {
      const { path, init } = requestOf(name, call, { [CSRF_HEADER]: signInMock("admin").csrfToken });
      return okBody(name, await fetch(`http://mock.test${path}`, init));
    },
    login: { username: viewer?.username ?? "", password: viewer?.password ?? "" },
    // The cell's demo user's own password (anonymous has none: any text does).
    password: MOCK_DEMO_USERS.find((u) => u.role === who)?.password ?? "no password",
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

  /** Everything the mocks keep: a refused request changes none of it. */
  const mockState = () =>
    JSON.stringify({
      users: mockUsers(),
      data: store.data,
      audit: store.audit,
      head: store.head,
      settings: store.settings,
      snapshots: [...store.snapshots],
    });

  it.each(cells)("$who → $name: $expected", async ({ name, who, expected }) => {
    const sample = await SAMPLES[name](fixture(who));
    become(who);
    const { path, init } = requestOf(name, sample, headersOf(credentials.get(who) ?? null));
    const before = mockState();
    const response = await fetch(`http://mock.test${path}`, init);
    const text = await response.text();
    expect(response.status, text).toBe(expected);
    if (expected !== 200) {
      expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
      expect(mockState()).toBe(before);
    }
  });
});
