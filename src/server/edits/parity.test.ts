import { setupServer } from "msw/node";
import { MOCK_DEMO_USERS, resetMockAuth, signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createMockStore } from "@/mocks/store";
import { createApp } from "@/server/app";
import { hashPassword } from "@/server/auth/passwords";
import { insertUser } from "@/server/repository/users";
import { as, signIn, TEST_PASSWORD } from "@/server/test/auth";
import {
  caseDraft,
  caseUpdate,
  cohortDraft,
  cohortUpdate,
  commitmentUpdate,
  documentDraft,
  documentUpdate,
  incidentDraft,
  incidentUpdate,
  meetingUpdate,
  newCommitment,
  newMeeting,
  organisationUpdate,
  requestOf,
  serviceDraft,
  serviceUpdate,
  type TCall,
  text,
  vendorDraft,
  vendorUpdate,
} from "@/server/test/edit-requests";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import type { TRequester } from "@/server/test/request";
import type { TEndpointName } from "@/shared/contract";
import { CSRF_HEADER, type TRole } from "@/shared/schemas/auth";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * The mocks and the server answer writes alike: one scripted sequence of writes — create and update of
 * each entity type (cases and the organisation's settings included, a subcontractor cycle refused), the commitment workflow report-done → reopen → report-done → verify, progress events,
 * an import, closing a meeting, the settings, and refusals of each kind (404, 409 stale, 409 state, 422,
 * 400) — sent to the mocks, to the server on PGlite and (with TEST_DATABASE_URL) on PostgreSQL. Statuses
 * and bodies must be identical, and so must the audit trail after, except for what must differ: when
 * (timestamps, closed.at), the hashes that cover those times, and the acting user's generated id.
 */

type TAnswer = { status: number; body: unknown };
type TSend = (role: TRole, name: TEndpointName, call?: TCall) => Promise<TAnswer>;
type TStep = { step: string; status: number; body: unknown };

const TIME_KEYS = new Set(["at", "takenAt", "checkedAt", "createdAt"]);
const HASH_KEYS = new Set(["hash", "prevHash", "lastHash"]);

/** Replaces what must differ between two runs of the same script with placeholders. */
const normalise = (value: unknown, key = ""): unknown => {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (TIME_KEYS.has(k) && typeof v === "string") return [k, "<time>"];
        if (HASH_KEYS.has(k) && typeof v === "string") return [k, "<hash>"];
        if (key === "actor" && k === "id") return [k, "<user id>"];
        return [k, normalise(v, k)];
      }),
    );
  }
  return value;
};

const byId = <T extends { id: string }>(items: readonly T[], id: string) => {
  const item = items.find((x) => x.id === id);
  if (!item) throw new Error(`no ${id}`);
  return item;
};

type TRec = { id: string; version: number } & Record<string, unknown>;

/** The script: every write the issue names, each answer recorded (and later ones built from earlier ones). */
const script = async (send: TSend): Promise<TStep[]> => {
  const steps: TStep[] = [];
  const run = async (step: string, role: TRole, name: TEndpointName, call: TCall = {}) => {
    const answer = await send(role, name, call);
    steps.push({ step, status: answer.status, body: normalise(answer.body) });
    return answer as { status: number; body: TRec };
  };
  const editor = (step: string, name: TEndpointName, call: TCall = {}) => run(step, "editor", name, call);

  // Cases: a new one, renamed, closed; stale and unknown ones refused
  const newCase = (
    await editor("open a case", "createCase", {
      body: { ...caseDraft(byId(case2025.cases, "case-2025-insurance")), title: text("別の事案") },
    })
  ).body;
  await editor("rename it", "updateCase", {
    params: { caseId: newCase.id },
    body: { ...caseUpdate(newCase as never), title: text("別の事案(改称)") },
  });
  await editor("close it at a stale version (409)", "updateCase", {
    params: { caseId: newCase.id },
    body: { ...caseUpdate(newCase as never), status: "closed" },
  });
  await editor("update a case that does not exist (404)", "updateCase", {
    params: { caseId: "case-404" },
    body: { ...caseUpdate(newCase as never), status: "closed" },
  });
  await editor("open a case without a title (400)", "createCase", {
    body: { summary: null, status: "open" },
  });

  // The organisation (admin): a second population, a vendor kind renamed; a population in use, an id
  // twice and a stale version refused; an editor may not change it.
  const organisation = (await run("read the organisation", "admin", "getOrganisation")).body;
  const orgBody = organisationUpdate(organisation as never);
  await run("add a population", "admin", "updateOrganisation", {
    body: {
      ...orgBody,
      populations: [...orgBody.populations, { id: "families", name: text("家族"), ofWhom: null }],
    },
  });
  await run("change it at a stale version (409)", "admin", "updateOrganisation", { body: orgBody });
  await run("remove the members, still counted by the record (422)", "admin", "updateOrganisation", {
    body: {
      ...orgBody,
      version: orgBody.version + 1,
      populations: [{ id: "families", name: text("家族"), ofWhom: null }],
      vendorKinds: [...orgBody.vendorKinds, orgBody.vendorKinds[0] as (typeof orgBody.vendorKinds)[number]],
    },
  });
  await editor("change it as an editor (403)", "updateOrganisation", { body: orgBody });

  // Incidents
  const inc3 = byId(case2025.incidents, "inc-3");
  const inc = (await editor("create an incident", "createIncident", { body: incidentDraft(inc3) })).body;
  const incBody = incidentUpdate(inc as never);
  const added = { ...(incBody.milestones[0] as (typeof incBody.milestones)[number]), id: undefined };
  await editor("add a milestone to it", "updateIncident", {
    params: { incidentId: inc.id },
    body: { ...incBody, milestones: [...incBody.milestones, { ...added, kind: "reported_to_board" }] },
  });
  await editor("update it at a stale version (409)", "updateIncident", {
    params: { incidentId: inc.id },
    body: { ...incBody, status: "closed" },
  });
  await editor("update an incident that does not exist (404)", "updateIncident", {
    params: { incidentId: "inc-404" },
    body: { ...incBody, status: "closed" },
  });
  const incNow = (await editor("read it", "getIncident", { params: { incidentId: inc.id } })).body;
  await editor("give it a number in use (422)", "updateIncident", {
    params: { incidentId: inc.id },
    body: { ...incidentUpdate(incNow as never), number: 1 },
  });
  await editor("send a date that does not exist (400)", "updateIncident", {
    params: { incidentId: inc.id },
    body: { ...incidentUpdate(incNow as never), misuse: { ...inc3.misuse, asOf: "2025-02-30" } },
  });

  // Cohorts and progress
  const cohort = (
    await editor("create a cohort", "createCohort", {
      body: { ...cohortDraft(byId(case2025.cohorts, "coh-3-refund")), incidentId: inc.id },
    })
  ).body;
  await editor("put it under another incident's cohort (422)", "updateCohort", {
    params: { cohortId: cohort.id },
    body: { ...cohortUpdate(cohort as never), parentId: "coh-3-refund" },
  });
  await editor("rename it", "updateCohort", {
    params: { cohortId: cohort.id },
    body: { ...cohortUpdate(cohort as never), label: text("返金（別件）") },
  });
  const refundEvent = (version: number, value: number) => ({
    version,
    date: "2025-09-30",
    doneCount: { status: "reported", value, source: { documentId: "notice", cites: [] } },
    note: text("返金完了の報告"),
    source: { documentId: "notice", cites: [] },
    cohortStatus: "completed",
  });
  await editor("report more refunds than members (422)", "addProgressEvent", {
    params: { cohortId: "coh-3-refund" },
    body: refundEvent(1, 4),
  });
  const refunded = (
    await editor("record the 3 refunds as completed", "addProgressEvent", {
      params: { cohortId: "coh-3-refund" },
      body: refundEvent(1, 3),
    })
  ).body;
  await editor("correct the event", "updateProgressEvent", {
    params: { cohortId: "coh-3-refund", eventId: "pe-1" },
    body: { ...refundEvent(refunded.version, 3), date: "2025-09-29" },
  });
  await editor("correct an event the cohort does not have (404)", "updateProgressEvent", {
    params: { cohortId: "coh-3-refund", eventId: "p2-corrected" },
    body: refundEvent(refunded.version + 1, 3),
  });

  // Commitments: report-done → reopen → report-done → verify
  const c1 = (await editor("record a board demand", "createCommitment", { body: newCommitment("parity") }))
    .body;
  const id = { commitmentId: c1.id };
  await editor("verify what was never reported done (409)", "verifyCommitment", {
    params: id,
    body: { version: 1, verifiedDate: "2025-09-20" },
  });
  const r1 = (
    await editor("the vendor reports it done", "reportCommitmentDone", {
      params: id,
      body: { version: 1, reportedDoneDate: "2025-09-10", evidence: text("報告書") },
    })
  ).body;
  await editor("verify before the report's date (422)", "verifyCommitment", {
    params: id,
    body: { version: r1.version, verifiedDate: "2025-09-01" },
  });
  const o1 = (
    await editor("reopen it with a reason", "reopenCommitment", {
      params: id,
      body: { version: r1.version, reopenedDate: "2025-09-12", reason: text("証跡が不足") },
    })
  ).body;
  const r2 = (
    await editor("the vendor reports it done again", "reportCommitmentDone", {
      params: id,
      body: { version: o1.version, reportedDoneDate: "2025-09-14", evidence: text("追加の証跡") },
    })
  ).body;
  const v1 = (
    await editor("verify it", "verifyCommitment", {
      params: id,
      body: { version: r2.version, verifiedDate: "2025-09-15" },
    })
  ).body;
  await editor("report a verified commitment done (409)", "reportCommitmentDone", {
    params: id,
    body: { version: v1.version, reportedDoneDate: "2025-09-16", evidence: text("x") },
  });
  await editor("set a verified commitment's status back to open (409)", "updateCommitment", {
    params: id,
    body: { ...commitmentUpdate(v1 as never), status: "open" },
  });
  await editor("verify it again at the old version (409 stale)", "verifyCommitment", {
    params: id,
    body: { version: r2.version, verifiedDate: "2025-09-15" },
  });
  await editor("change its wording", "updateCommitment", {
    params: id,
    body: { ...commitmentUpdate(v1 as never), text: text("再発防止策を文書で報告") },
  });
  await editor("owe it to a vendor that does not exist (422)", "createCommitment", {
    body: { ...newCommitment("x"), owedByIds: ["acme"] },
  });

  // Documents
  await editor("register a document", "createDocument", {
    body: documentDraft(byId(case2025.documents, "doc-5")),
  });
  await editor("register one dated after today (422)", "createDocument", {
    body: { ...documentDraft(byId(case2025.documents, "doc-5")), date: "2099-01-01" },
  });
  const ctxDoc = (
    await editor("read a published source", "getDocument", { params: { documentId: "ctx-rocketboys" } })
  ).body;
  await editor("bring it into the record (its milestones follow)", "updateDocument", {
    params: { documentId: "ctx-rocketboys" },
    body: { ...documentUpdate(ctxDoc as never), outsideRecord: false },
  });

  // Meetings
  const mtg = (await editor("record a meeting", "createMeeting", { body: newMeeting("parity") })).body;
  const mtgBody = meetingUpdate(mtg as never);
  const mtg2 = (
    await editor("change it", "updateMeeting", {
      params: { meetingId: mtg.id },
      body: { ...mtgBody, title: text("2025年度第4回定例理事会") },
    })
  ).body;
  await editor("close it", "closeMeeting", {
    params: { meetingId: mtg.id },
    body: { version: mtg2.version },
  });
  await editor("read what the board was shown", "getMeetingSnapshot", { params: { meetingId: mtg.id } });
  await editor("change the closed meeting (409)", "updateMeeting", {
    params: { meetingId: mtg.id },
    body: { ...mtgBody, version: mtg2.version + 1 },
  });
  const future = (
    await editor("record a meeting still to come", "createMeeting", {
      body: { ...newMeeting("future"), date: "2099-04-01" },
    })
  ).body;
  await editor("close it before its day (409)", "closeMeeting", {
    params: { meetingId: future.id },
    body: { version: future.version },
  });

  // Vendors and services; a subcontractor chain, and a cycle refused
  const agency = (await editor("read the agency first", "getVendor", { params: { vendorId: "partners" } }))
    .body;
  const subcontracted = (
    await editor("make the agency a subcontractor of the insurer", "updateVendor", {
      params: { vendorId: "partners" },
      body: { ...vendorUpdate(agency as never), subcontractorOf: ["sompo"] },
    })
  ).body;
  const insurer = (await editor("read the insurer", "getVendor", { params: { vendorId: "sompo" } })).body;
  await editor("make the insurer a subcontractor of its own subcontractor (422)", "updateVendor", {
    params: { vendorId: "sompo" },
    body: { ...vendorUpdate(insurer as never), subcontractorOf: ["partners"] },
  });
  await editor("put the agency back", "updateVendor", {
    params: { vendorId: "partners" },
    body: { ...vendorUpdate(subcontracted as never), subcontractorOf: [] },
  });
  await editor("add a vendor with a service", "createVendor", {
    body: { ...vendorDraft(byId(case2025.vendors, "partners")), serviceIds: ["prod-oyako"] },
  });
  const partners = (await editor("read the agency", "getVendor", { params: { vendorId: "partners" } })).body;
  await editor("give the agency another service", "updateVendor", {
    params: { vendorId: "partners" },
    body: { ...vendorUpdate(partners as never), serviceIds: ["prod-liability-topup", "prod-medical"] },
  });
  await editor("list a service twice and one that does not exist (422)", "updateVendor", {
    params: { vendorId: "partners" },
    body: {
      ...vendorUpdate(partners as never),
      version: partners.version + 1,
      serviceIds: ["prod-oyako", "prod-oyako", "prod-x"],
    },
  });
  await editor("add a service", "createService", {
    body: { ...serviceDraft(byId(case2025.services, "prod-oyako")), vendorIds: ["partners"] },
  });
  const oyako = (await editor("read a service", "getService", { params: { serviceId: "prod-oyako" } })).body;
  await editor("rename it", "updateService", {
    params: { serviceId: "prod-oyako" },
    body: { ...serviceUpdate(oyako as never), name: text("親子保険") },
  });

  // The import, twice (the second changes nothing), and a file with a bad row
  const rows = JSON.stringify([
    { cohort_id: "coh-2-failed", date: "2025-08-20", done_count: 6, note_ja: "再請求の完了" },
    { cohort_id: "coh-1-letters", date: "2025-09-05", done_count: null },
  ]);
  const file = { format: "json", content: rows, documentId: "doc-5" };
  await editor("import a progress report", "importProgress", { body: file });
  await editor("import it again", "importProgress", { body: file });
  await editor("import a file with bad rows (422)", "importProgress", {
    body: {
      ...file,
      content: JSON.stringify([{ cohort_id: "coh-none", date: "2025-02-30", done_count: -1 }]),
    },
  });

  // Settings (admin)
  const settings = (await run("read the settings", "admin", "getSettings")).body;
  await run("count the first day", "admin", "updateSettings", {
    body: { dayCounting: "include_first_day", version: settings.version },
  });
  await run("change them at a stale version (409)", "admin", "updateSettings", {
    body: { dayCounting: "exclude_first_day", version: settings.version },
  });

  // The trail of it all, and its verification
  await run("the audit trail", "admin", "listAudit", { query: { limit: "500" } });
  await run("the audit verification", "admin", "verifyAudit");
  return steps;
};

// ---------------------------------------------------------------------------------------------------

const USERS = Object.fromEntries(MOCK_DEMO_USERS.map((u) => [u.role, u])) as Record<
  TRole,
  (typeof MOCK_DEMO_USERS)[number]
>;

const answerOf = async (response: Response): Promise<TAnswer> => {
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
};

/** The script on the mocks, over a fresh store, signed in as the demo users. */
const onMocks = async (): Promise<TStep[]> => {
  const mock = setupServer(...createHandlers(createMockStore(case2025)));
  mock.listen({ onUnhandledRequest: "error" });
  try {
    resetMockAuth(null);
    let current: { role: TRole; csrf: string } | null = null;
    return await script(async (role, name, call = {}) => {
      if (current?.role !== role) current = { role, csrf: signInMock(role).csrfToken };
      const { path, init } = requestOf(name, call, { [CSRF_HEADER]: current.csrf });
      return answerOf(await fetch(`http://mock.test${path}`, init));
    });
  } finally {
    mock.close();
    resetMockAuth(null);
  }
};

/** The script on the server, with users named as the mocks' demo users (their ids differ). */
const onServer = async (t: TTestDb): Promise<TStep[]> => {
  const app = createApp({ db: t.db, staticDir: "/nonexistent" });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const clients = {} as Record<TRole, TRequester>;
  for (const role of ["editor", "admin"] as const) {
    const { username, displayName } = USERS[role];
    await insertUser(t.db, { username, displayName, role, passwordHash }, new Date());
    clients[role] = as(app, await signIn(app, username));
  }
  return script(async (role, name, call = {}) => {
    const { path, init } = requestOf(name, call);
    return answerOf(await clients[role as "editor" | "admin"].request(path, init));
  });
};

describe("writes answer alike on the mocks and the server", () => {
  let mocks: TStep[];
  beforeAll(async () => {
    mocks = await onMocks();
  });

  it("the script does what it says on the mocks (each status as the step names it)", () => {
    for (const { step, status, body } of mocks) {
      const expected = Number(/\((\d{3})/.exec(step)?.[1] ?? 200);
      expect(status, `${step}: ${JSON.stringify(body).slice(0, 500)}`).toBe(expected);
    }
    // Not vacuous: every kind of refusal is in it.
    expect(new Set(mocks.map((s) => s.status))).toEqual(new Set([200, 400, 403, 404, 409, 422]));
    const trail = mocks.find((s) => s.step === "the audit trail")?.body as { items: unknown[] };
    expect(trail.items.length).toBeGreaterThan(25);
  });

  describe.each(testEngines)("on %s", (engine) => {
    let t: TTestDb;
    let server: TStep[];
    beforeAll(async () => {
      t = await openTestDb({ engine });
      server = await onServer(t);
    });
    afterAll(async () => {
      await t?.close();
    });

    it("answers every step with the mocks' status and body", () => {
      expect(server.map((s) => s.step)).toEqual(mocks.map((s) => s.step));
      for (const [i, step] of server.entries()) {
        expect({ step: step.step, status: step.status, body: step.body }).toEqual(mocks[i]);
      }
    });
  });
});
