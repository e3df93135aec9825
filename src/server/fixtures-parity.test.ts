import { setupServer } from "msw/node";
import { resetMockAuth, signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createApp } from "@/server/app";
import { as, ensureTestUser, signIn } from "@/server/test/auth";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { contract, type TEndpointName } from "@/shared/contract";
import { addDays } from "@/shared/dates";
import type { TDataset } from "@/shared/schemas/dataset";
import { ZProblem } from "@/shared/schemas/problem";
import { allFour, FIXTURES } from "@/shared/seed/fixtures/merge";

/*
 * The contract on records unlike the demo: each test fixture (src/shared/seed/fixtures/) and the demo with
 * all three together, loaded into the server's database (PGlite, and PostgreSQL when TEST_DATABASE_URL is
 * set) and into the mocks. Every read endpoint of the contract is asked with representative parameters —
 * scoped by case, vendor, fiscal year, incident and case status, as of the days the record changes — and
 * the server's answer must be the mocks' answer, and valid under the contract's schema. PostgreSQL is asked
 * the record's own scopes only (see requestsFor).
 */

const DATASETS = [...FIXTURES, { name: "all four together", data: allFour }];

/** "Today" for both sides (Tokyo is already a day ahead of UTC at this moment). */
const NOW = new Date("2026-01-31T16:30:00Z");

/** Endpoints that do not read the record: sessions and users differ by design between the two sides. */
const NOT_RECORD_READS: readonly TEndpointName[] = ["getSession", "listUsers", "verifyAudit"];

const UNKNOWN = "nothing-here";
const DETAILS = [
  ["getCase", "caseId"],
  ["getVendor", "vendorId"],
  ["getService", "serviceId"],
  ["getDocument", "documentId"],
  ["getIncident", "incidentId"],
  ["getCohort", "cohortId"],
  ["getCommitment", "commitmentId"],
  ["getMeeting", "meetingId"],
  ["getMeetingSnapshot", "meetingId"],
] as const satisfies readonly (readonly [TEndpointName, string])[];

type TRequest = { name: TEndpointName; path: string };

const url = (
  name: TEndpointName,
  params: Record<string, string> = {},
  query: Record<string, unknown> = {},
) => {
  const path = contract[name].path.replace(/:([A-Za-z]+)/g, (_, key: string) => params[key] ?? "");
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return { name, path: search ? `${path}?${search}` : path };
};

/** The days a record's figures change on: its first dates, its meetings, a week later, and long after. */
const daysOf = (data: TDataset) => {
  const firsts = data.incidents
    .flatMap((i) => i.milestones.map((m) => m.date))
    .filter((d) => d.length === 10)
    .sort();
  const meetings = data.meetings.map((m) => m.date).sort();
  const days = [firsts[0], firsts.at(-1), ...meetings, meetings[0] && addDays(meetings[0], 7), "2026-12-31"];
  return [...new Set(days.filter((d): d is string => d !== undefined))];
};

/**
 * Every request for a record. `narrow: false` leaves out the figures of each narrower scope (a case, a
 * vendor, a fiscal year, an incident), the deadlines per case and incident and each commitment on every
 * day but the last two: the same shared reads over the same stored record, which PostgreSQL (slower per
 * request) need not prove again after PGlite has.
 */
const requestsFor = (data: TDataset, narrow = true): TRequest[] => {
  const days = daysOf(data);
  const fiscalYears = [...new Set(data.incidents.map((i) => i.fiscalYear))];
  const scopes: Record<string, unknown>[] = [
    {},
    { caseStatus: "all" },
    { caseStatus: "closed" },
    ...data.cases.map((c) => ({ caseId: c.id })),
    ...data.vendors.map((v) => ({ vendorId: v.id, caseStatus: "all" })),
    ...fiscalYears.map((fiscalYear) => ({ fiscalYear, caseStatus: "all" })),
    ...data.incidents.map((i) => ({ incidentId: i.id })),
  ].slice(0, narrow ? undefined : 2);
  const stats = [
    "getOverview",
    "getAffectedStats",
    "getRemediationStats",
    "getRemediationTimeline",
    "getCommitmentStats",
    "getIntervalStats",
    "getCaseTimeline",
  ] as const;
  return [
    url("health"),
    url("openapi"),
    url("getOrganisation"),
    url("getFiscalYears"),
    url("getSettings"),
    url("listCases"),
    url("listCases", {}, { status: "open" }),
    url("listCases", {}, { status: "closed" }),
    ...data.cases.map((c) => url("getCase", { caseId: c.id })),
    url("listVendors"),
    ...data.vendors.map((v) => url("getVendor", { vendorId: v.id })),
    url("listRegulatoryActions"),
    ...data.vendors.map((v) => url("listRegulatoryActions", {}, { vendorId: v.id })),
    url("listServices"),
    ...data.services.map((s) => url("getService", { serviceId: s.id })),
    url("listDocuments", {}, { limit: 500 }),
    url("listDocuments", {}, { outsideRecord: "true" }),
    url("listDocuments", {}, { kind: "minutes" }),
    ...data.documents.map((d) => url("getDocument", { documentId: d.id })),
    url("listIncidents"),
    ...data.cases.map((c) => url("listIncidents", {}, { caseId: c.id })),
    ...data.vendors.map((v) => url("listIncidents", {}, { vendorId: v.id })),
    ...fiscalYears.map((fiscalYear) => url("listIncidents", {}, { fiscalYear })),
    url("listIncidents", {}, { status: "closed" }),
    ...data.incidents.map((i) => url("getIncident", { incidentId: i.id })),
    url("listCohorts"),
    ...data.incidents.map((i) => url("listCohorts", {}, { incidentId: i.id })),
    ...data.cohorts.map((c) => url("getCohort", { cohortId: c.id })),
    url("listCommitments"),
    ...days.map((asOf) => url("listCommitments", {}, { asOf })),
    ...days.map((asOf) => url("listCommitments", {}, { asOf, overdue: "true" })),
    ...data.vendors.map((v) => url("listCommitments", {}, { vendorId: v.id })),
    ...data.commitments.flatMap((c) => [
      url("getCommitment", { commitmentId: c.id }),
      ...(narrow ? days : days.slice(-2)).map((asOf) =>
        url("getCommitment", { commitmentId: c.id }, { asOf }),
      ),
    ]),
    url("listMeetings"),
    ...fiscalYears.map((fiscalYear) => url("listMeetings", {}, { fiscalYear })),
    ...data.meetings.flatMap((m) => [
      url("getMeeting", { meetingId: m.id }),
      // Not closed in a fixture: a 404 on both sides.
      url("getMeetingSnapshot", { meetingId: m.id }),
    ]),
    // The record's own scopes on every day; each narrower scope today, on its last day and long after.
    ...stats.flatMap((name) =>
      scopes.flatMap((scope, i) => [
        url(name, {}, scope),
        ...(i < 2 ? days : days.slice(-2)).map((asOf) => url(name, {}, { ...scope, asOf })),
      ]),
    ),
    url("getVendorScorecards"),
    ...days.flatMap((asOf) => [
      url("getVendorScorecards", {}, { asOf }),
      ...fiscalYears.map((fiscalYear) => url("getVendorScorecards", {}, { asOf, fiscalYear })),
    ]),
    url("listDeadlines"),
    ...days.flatMap((asOf) => [
      url("listDeadlines", {}, { asOf, limit: 500 }),
      url("listDeadlines", {}, { asOf, owner: "organisation" }),
      url("listDeadlines", {}, { asOf, owner: "vendor", withinDays: 60 }),
      ...(narrow ? data.cases : []).map((c) => url("listDeadlines", {}, { asOf, caseId: c.id })),
      ...(narrow ? data.incidents : []).map((i) => url("listDeadlines", {}, { asOf, incidentId: i.id })),
    ]),
    // An id the record does not hold: a 404 on both sides, for every detail endpoint.
    ...DETAILS.map(([name, key]) => url(name, { [key]: UNKNOWN })),
    // The record's audit trail: empty on a freshly loaded record, on both sides.
    url("listAudit", {}, { entityType: "incident" }),
  ];
};

type TAnswer = { status: number; body: unknown };

const answerOf = async (res: Response): Promise<TAnswer> => {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: compared as text.
  }
  return { status: res.status, body };
};

const label = (r: TRequest) => `${r.name} ${r.path}`;

/** The mocks' answer to every request, per dataset (asked once, before the server is). */
const mockAnswers = new Map<string, Map<string, TAnswer>>();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const mock = setupServer();
  mock.listen({ onUnhandledRequest: "error" });
  try {
    for (const { name, data } of DATASETS) {
      mock.resetHandlers(...createHandlers(data));
      signInMock("viewer");
      const answers = new Map<string, TAnswer>();
      for (const r of requestsFor(data)) {
        answers.set(label(r), await answerOf(await fetch(`http://mock.test${r.path}`)));
      }
      mockAnswers.set(name, answers);
    }
  } finally {
    mock.close();
    resetMockAuth(null);
    vi.useRealTimers();
  }
});

describe.each(DATASETS)("over $name", ({ name, data }) => {
  it("asks every read endpoint of the contract", () => {
    const asked = new Set(requestsFor(data).map((r) => r.name));
    const reads = (Object.keys(contract) as TEndpointName[]).filter(
      (n) => contract[n].method === "GET" && !NOT_RECORD_READS.includes(n),
    );
    expect(reads.filter((n) => !asked.has(n))).toEqual([]);
  });

  it("gets answers from the mocks that the contract's schemas accept", () => {
    const answers = mockAnswers.get(name) ?? new Map<string, TAnswer>();
    const invalid: string[] = [];
    const statuses = new Map<number, number>();
    for (const r of requestsFor(data)) {
      const answer = answers.get(label(r));
      if (!answer) throw new Error(`no mock answer for ${label(r)}`);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const schema = answer.status === 200 ? contract[r.name].response : ZProblem;
      const parsed = schema.safeParse(answer.body);
      if (!parsed.success)
        invalid.push(`${label(r)} → ${answer.status}: ${parsed.error.message.slice(0, 300)}`);
    }
    expect(invalid).toEqual([]);
    // Only unknown ids and the snapshots of meetings not closed are refused; everything else answers.
    expect([...statuses.keys()].sort()).toEqual([200, 404]);
    expect(statuses.get(404)).toBe(DETAILS.length + data.meetings.length);
  });
});

/*
 * One database per engine (opening PGlite costs seconds), each dataset loaded into it in turn, with a
 * fresh server each time as a restart would have.
 */
describe.each(testEngines)("the server on %s", (engine) => {
  let testDb: TTestDb | undefined;
  const faults: string[] = [];
  let session: { cookie: string; csrfToken: string } | undefined;

  beforeAll(async () => {
    testDb = await openTestDb({ engine, dataset: DATASETS[0]?.data });
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it.each(DATASETS)(
    "answers as the mocks do over $name",
    async ({ name, data }) => {
      const handle = testDb as TTestDb;
      const db = data === DATASETS[0]?.data ? handle.db : await handle.loadDataset(data);
      const app = createApp({ db, staticDir: "/nonexistent", clock: () => NOW, log: (m) => faults.push(m) });
      if (!session) {
        await ensureTestUser(db, "viewer", "test-viewer", NOW);
        session = await signIn(app, "test-viewer");
      }
      const viewer = as(app, session);
      faults.length = 0;
      const answers = mockAnswers.get(name) ?? new Map<string, TAnswer>();
      const differences: unknown[] = [];
      const requests = requestsFor(data, engine === "pglite");
      for (const r of requests) {
        const actual = await answerOf(await viewer.request(r.path));
        const expected = answers.get(label(r));
        try {
          expect(actual).toEqual(expected);
        } catch {
          differences.push({ request: label(r), server: actual, mocks: expected });
        }
        if (differences.length >= 3) break;
      }
      expect(differences).toEqual([]);
      expect(faults).toEqual([]);
      expect(requests.length).toBeGreaterThan(100);
    },
    300_000,
  );
});
