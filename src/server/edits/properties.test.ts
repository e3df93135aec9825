import fc from "fast-check";
import { setupServer } from "msw/node";
import { MOCK_DEMO_USERS, mockUsers, resetMockAuth, signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createMockStore, type TMockStore } from "@/mocks/store";
import { createApp } from "@/server/app";
import { loadRecord } from "@/server/db/record-store";
import type { TDb } from "@/server/db/types";
import { ensureTestUser, signIn, TEST_PASSWORD } from "@/server/test/auth";
import {
  requestOf,
  type TCall,
  type TCaller,
  type TWriteName,
  WRITE_NAMES,
  WRITE_SAMPLES,
} from "@/server/test/edit-requests";
import {
  anyText,
  arbitraryOf,
  EDGE_DATES,
  hostileBody,
  hostileKey,
  hostileRaw,
  hostileValue,
  schemasAt,
} from "@/server/test/hostile";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { queryAs } from "@/server/test/query-as";
import { checkEntries, GENESIS_HASH } from "@/shared/audit";
import { canonicalJson } from "@/shared/canonical-json";
import { contract, endpointNames, type TEndpoint, type TEndpointName } from "@/shared/contract";
import { PROBLEM_CONTENT_TYPE } from "@/shared/http";
import type { TAuditEntry } from "@/shared/schemas/audit";
import { CSRF_HEADER } from "@/shared/schemas/auth";
import type { TDataset } from "@/shared/schemas/dataset";
import { ZProblem } from "@/shared/schemas/problem";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * Every write endpoint of the contract (method other than GET, behind sign-in; sign-out aside, see
 * WRITE_NAMES) fed random and hostile requests, on the server (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set) and on the mocks:
 *   - a valid request (the endpoint's sample) with one field replaced, removed, duplicated or added
 *     (hostile values, or another value its zod schema allows), a body generated from the endpoint's
 *     schema with ids of the real record, any JSON, bytes that are not JSON; params naming the sample's
 *     record, another existing one, none, or nothing well-formed;
 *   - the answer is 200 or a problem+json with a status the contract declares, never a 5xx;
 *   - a refusal writes nothing at all (no row of any table, see storedDigest; no part of the mock store);
 *   - an acceptance changes exactly the records its new audit entries name, one entry per record, each
 *     entry's `after` is the record as stored, nothing else changes, and the chain still verifies.
 *
 * Reproducible: one seed for the file (FC_SEED overrides it; a failure prints its seed and path), no
 * shrinking (the record the runs share moves on). FC_RUNS scales the number of runs.
 */

const SEED = Number(process.env.FC_SEED ?? 20_250_823);
const SCALE = Number(process.env.FC_RUNS ?? 1);
fc.configureGlobal({ seed: SEED, endOnFailure: true });
const RUNS = { server: Math.ceil(15 * SCALE), mocks: Math.ceil(60 * SCALE) };

type TPath = (string | number)[];

type TParamPick = { kind: "sample" } | { kind: "existing"; index: number } | { kind: "raw"; value: string };
type TBodyPick =
  | { kind: "sample" }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "date"; at: number; value: string; all: boolean }
  | { kind: "text"; at: number; value: string }
  | { kind: "figures"; value: number }
  | { kind: "schema"; at: number; seed: number }
  | { kind: "remove"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "addKey"; at: number; key: string; value: unknown }
  | { kind: "generated"; value: unknown; currentVersion: boolean }
  | { kind: "whole"; value: unknown }
  | { kind: "raw"; contentType: string; bytes: Uint8Array };
type TRecipe = { param: TParamPick; body: TBodyPick };

const RAW_PARAMS = [
  "constructor",
  "prototype",
  "tostring",
  "hasownproperty",
  "__proto__",
  "toString",
  "%ZZ",
  "..",
  "%2F",
  "-x",
  "0",
  "a".repeat(65),
  "9".repeat(64),
  "inc-1%00",
  "no-such-record",
];

/** Dates that are not real days, or that a database's calendar cannot hold, or that have not come yet. */
const oddDate = fc.oneof(
  fc.constantFrom(...EDGE_DATES),
  fc.constantFrom("2025-02-30", "2025-04-31", "2025-13-01", "2025-00", "2025-1-1", "20250101", "2025-10-02"),
);
/** Text that cannot be stored (NUL, broken UTF-16), or is too long or empty, or merely unusual. */
const oddText = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\uDBFF\uDBFF", "", " ", "\u202Eabc", "\u0007"),
  fc.constantFrom("a".repeat(4001), "😀".repeat(2001), "𠮷".repeat(4000)),
  anyText(1, 8),
);
/** Figures at and past the limits: zero, 32 bits, a trillion, the largest exact JSON integer. */
const BIG_FIGURES = [0, 2 ** 31, 1e12, 1e12 + 1, 2 ** 53 - 1];
const DATE_LIKE = /^\d{4}-\d{2}(-\d{2})?$/;

const recipeOf = (name: TWriteName): fc.Arbitrary<TRecipe> => {
  const endpoint: TEndpoint = contract[name];
  const param: fc.Arbitrary<TParamPick> = endpoint.params
    ? fc.oneof(
        { weight: 14, arbitrary: fc.constant({ kind: "sample" as const }) },
        { weight: 4, arbitrary: fc.nat().map((index) => ({ kind: "existing" as const, index })) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(...RAW_PARAMS).map((value) => ({ kind: "raw" as const, value })),
        },
      )
    : fc.constant({ kind: "sample" as const });
  const at = fc.nat();
  const bodies: fc.WeightedArbitrary<TBodyPick>[] = [
    { weight: 1, arbitrary: fc.constant({ kind: "sample" as const }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), at, value: hostileValue }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("schema" as const), at, seed: fc.integer() }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant("date" as const), at, value: oddDate, all: fc.boolean() }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("text" as const), at, value: oddText }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("figures" as const), value: fc.constantFrom(...BIG_FIGURES) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("addKey" as const),
        at,
        key: hostileKey,
        value: hostileValue,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: hostileBody }) },
    { weight: 1, arbitrary: hostileRaw.map((raw) => ({ kind: "raw" as const, ...raw })) },
  ];
  if (endpoint.body) {
    bodies.push({
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("generated" as const),
        value: arbitraryOf(endpoint.body),
        currentVersion: fc.boolean(),
      }),
    });
  }
  return fc.record({ param, body: fc.oneof(...bodies) });
};

// ---------------------------------------------------------------------------------------------------
// Bodies as trees of paths

const pathsOf = (value: unknown, path: TPath = []): { path: TPath; value: unknown }[] => {
  const here = [{ path, value }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value !== null && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  }
  return here;
};

const put = (target: object, key: string | number, value: unknown) => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/** A copy of `body` with the node at `path` passed through `fn` (undefined removes it). */
const change = (body: unknown, path: TPath, fn: (node: unknown) => unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(body)) as unknown;
  if (path.length === 0) return fn(copy);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const next = fn(parent[last]);
  if (next === undefined) {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete parent[last];
  } else {
    put(parent, last, next);
  }
  return copy;
};

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

// ---------------------------------------------------------------------------------------------------
// What a target is: the server over one database, or the mocks over one store

type TState = {
  /** Everything stored: equal means nothing changed. */
  whole: string;
  data: TDataset;
  /** `type:id` (settings: `settings`) → the record as stored, canonical JSON. */
  entities: Map<string, string>;
  users: { id: string; version: number }[];
  settingsVersion: number;
  auditSeq: number;
  /** The last entry's hash (the genesis hash when there is none). */
  auditHash: string;
  /** Meetings with a frozen snapshot. */
  snapshots: string[];
  /** What no write may change (sessions, sign-in attempts, regulatory actions…). */
  fixed: string;
};

type TTarget = {
  caller: TCaller;
  /** Sends the fuzzed request as the signed-in admin (with the CSRF token). */
  send(path: string, init: RequestInit): Promise<Response>;
  state(): Promise<TState>;
  /** Just `state().whole`, cheaper. */
  whole(): Promise<string>;
  /** The signed-in admin, whose own account no run may change (it would end the session). */
  selfId: string;
  /** Faults the target reported (the server's log). */
  faults: string[];
};

const LISTS = {
  case: "cases",
  incident: "incidents",
  cohort: "cohorts",
  commitment: "commitments",
  document: "documents",
  meeting: "meetings",
  vendor: "vendors",
  service: "services",
} as const;

const entitiesOf = (
  data: TDataset,
  users: readonly { id: string }[],
  settings: unknown,
): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [type, key] of Object.entries(LISTS)) {
    for (const record of data[key]) out.set(`${type}:${record.id}`, canonicalJson(record));
  }
  out.set(`organisation:${data.organisation.id}`, canonicalJson(data.organisation));
  for (const user of users) out.set(`user:${user.id}`, canonicalJson(user));
  out.set("settings", canonicalJson(settings));
  return out;
};

const entryKey = (e: TAuditEntry) =>
  e.entityType === "settings" ? "settings" : `${e.entityType}:${e.entityId}`;

/** The record kind a path parameter names, for picking another existing id. */
const existingIds = (paramName: string, state: TState, selfId: string): string[] => {
  const d = state.data;
  switch (paramName) {
    case "caseId":
      return d.cases.map((x) => x.id);
    case "incidentId":
      return d.incidents.map((x) => x.id);
    case "cohortId":
      return d.cohorts.map((x) => x.id);
    case "eventId":
      return d.cohorts.flatMap((c) => c.progress.map((e) => e.id));
    case "commitmentId":
      return d.commitments.map((x) => x.id);
    case "documentId":
      return d.documents.map((x) => x.id);
    case "meetingId":
      return d.meetings.map((x) => x.id);
    case "vendorId":
      return d.vendors.map((x) => x.id);
    case "serviceId":
      return d.services.map((x) => x.id);
    case "userId":
      return state.users.map((u) => u.id).filter((id) => id !== selfId);
    default:
      throw new Error(`no pool for the path parameter ${paramName}`);
  }
};

/** The version of the record the params name, as stored now (for a generated update body). */
const versionNamed = (
  name: TWriteName,
  params: Record<string, string>,
  state: TState,
): number | undefined => {
  if (name === "updateSettings") return state.settingsVersion;
  if (name === "updateOrganisation") return state.data.organisation.version;
  if (params.userId) return state.users.find((u) => u.id === params.userId)?.version;
  const [key, id] = Object.entries(params)[0] ?? [];
  const list = {
    caseId: state.data.cases,
    incidentId: state.data.incidents,
    cohortId: state.data.cohorts,
    commitmentId: state.data.commitments,
    documentId: state.data.documents,
    meetingId: state.data.meetings,
    vendorId: state.data.vendors,
    serviceId: state.data.services,
  }[key ?? ""] as { id: string; version: number }[] | undefined;
  return list?.find((x) => x.id === id)?.version;
};

/** `routed`: false when a raw path segment may have sent the request elsewhere (404/405 from the router). */
type TPrepared = { path: string; init: RequestInit; described: unknown; routed: boolean };

const prepare = (
  name: TWriteName,
  recipe: TRecipe,
  sample: TCall,
  state: TState,
  selfId: string,
): TPrepared => {
  const endpoint: TEndpoint = contract[name];
  let params = sample.params ?? {};
  let rawPath: string | undefined;
  if (recipe.param.kind === "existing") {
    const { index } = recipe.param;
    params = Object.fromEntries(
      Object.keys(params).map((key) => [key, pick(existingIds(key, state, selfId), index) ?? "none"]),
    );
  } else if (recipe.param.kind === "raw") {
    // Unencoded on purpose: malformed escapes and dots reach the router as they are.
    const value = recipe.param.value;
    const keys = Object.keys(params);
    rawPath = endpoint.path.replace(/:([A-Za-z]+)/g, (_m, key: string) =>
      key === keys[keys.length - 1] ? value : encodeURIComponent(params[key] ?? ""),
    );
  }
  const b = recipe.body;
  let body: unknown = sample.body;
  let raw: { contentType: string; bytes: Uint8Array } | undefined;
  const nodes = pathsOf(sample.body);
  const inner = nodes.filter((n) => n.path.length > 0);
  switch (b.kind) {
    case "sample":
      break;
    case "replace": {
      const node = pick(inner, b.at);
      body = node ? change(sample.body, node.path, () => b.value) : b.value;
      break;
    }
    case "date": {
      // A field that holds a date (due, reported, verified, a milestone's, a progress event's…), or all.
      const dates = inner.filter((n) => typeof n.value === "string" && DATE_LIKE.test(n.value));
      const chosen = b.all ? dates : [pick(dates, b.at)].filter((n) => n !== undefined);
      for (const node of chosen) body = change(body, node.path, () => b.value);
      break;
    }
    case "figures": {
      // Every exact figure of the body (members, yen per member, counts) at once: what they add up to.
      for (const node of inner) {
        const v = node.value as { status?: unknown; value?: unknown } | null;
        if (v && typeof v === "object" && typeof v.value === "number") {
          body = change(body, [...node.path, "value"], () => b.value);
        }
      }
      break;
    }
    case "text": {
      // Any text the body carries (a title, a note, a name, evidence), dates aside.
      const texts = inner.filter((n) => typeof n.value === "string" && !DATE_LIKE.test(n.value));
      const node = pick(texts, b.at);
      if (node) body = change(sample.body, node.path, () => b.value);
      break;
    }
    case "schema": {
      const node = pick(inner, b.at);
      const schema =
        node && endpoint.body ? pick(schemasAt(endpoint.body, node.path), b.seed >>> 0) : undefined;
      if (node && schema) {
        const key = [...node.path].reverse().find((k) => typeof k === "string") ?? "";
        const [value] = fc.sample(arbitraryOf(schema, String(key)), { seed: b.seed, numRuns: 1 });
        body = change(sample.body, node.path, () => value);
      }
      break;
    }
    case "remove": {
      const node = pick(inner, b.at);
      body = node ? change(sample.body, node.path, () => undefined) : undefined;
      break;
    }
    case "duplicate": {
      const arrays = nodes.filter((n) => Array.isArray(n.value) && (n.value as unknown[]).length > 0);
      const node = pick(arrays, b.at);
      if (node)
        body = change(sample.body, node.path, (list) => [...(list as unknown[]), (list as unknown[])[0]]);
      break;
    }
    case "addKey": {
      const objects = nodes.filter(
        (n) => n.value !== null && typeof n.value === "object" && !Array.isArray(n.value),
      );
      const node = pick(objects, b.at);
      if (node) {
        body = change(sample.body, node.path, (object) => {
          put(object as object, b.key, b.value);
          return object;
        });
      }
      break;
    }
    case "generated": {
      body = b.value;
      const version = b.currentVersion ? versionNamed(name, params, state) : undefined;
      if (version !== undefined && body !== null && typeof body === "object" && "version" in body) {
        body = { ...body, version };
      }
      break;
    }
    case "whole":
      body = b.value;
      break;
    case "raw":
      raw = { contentType: b.contentType, bytes: b.bytes };
      break;
  }
  const request = requestOf(name, { params, body: endpoint.body ? (body ?? null) : body });
  const path = rawPath ?? request.path;
  if (raw) {
    return {
      path,
      init: {
        method: endpoint.method,
        headers: { "content-type": raw.contentType },
        body: raw.bytes as Uint8Array<ArrayBuffer>,
      },
      described: { path, raw: raw.contentType, bytes: raw.bytes.length },
      routed: rawPath === undefined,
    };
  }
  return { path, init: request.init, described: { path, body }, routed: rawPath === undefined };
};

// ---------------------------------------------------------------------------------------------------
// The property

const RECORD_RESPONSE: Partial<Record<TWriteName, keyof typeof LISTS | "organisation">> = {
  updateOrganisation: "organisation",
  createCase: "case",
  updateCase: "case",
  createIncident: "incident",
  updateIncident: "incident",
  createCohort: "cohort",
  updateCohort: "cohort",
  addProgressEvent: "cohort",
  updateProgressEvent: "cohort",
  createCommitment: "commitment",
  updateCommitment: "commitment",
  reportCommitmentDone: "commitment",
  verifyCommitment: "commitment",
  reopenCommitment: "commitment",
  createDocument: "document",
  updateDocument: "document",
  createMeeting: "meeting",
  updateMeeting: "meeting",
  closeMeeting: "meeting",
  createVendor: "vendor",
  updateVendor: "vendor",
  createService: "service",
  updateService: "service",
};

const withoutView = (record: Record<string, unknown>) => {
  const { overdue: _o, ...rest } = record;
  return rest;
};

/**
 * Changing one's own password checks the current one like a sign-in: a wrong one is recorded as a failed
 * attempt (a refusal that writes, on purpose), a right one forgives the failures of its account and
 * address. Only the sign-in attempts are left out of its comparisons; everything else holds.
 */
const THROTTLED: ReadonlySet<TWriteName> = new Set(["changeOwnPassword"]);
const beyondAttempts = (name: TWriteName, digest: string) =>
  THROTTLED.has(name)
    ? digest
        .split("\n")
        .filter((line) => !line.startsWith("login_attempts:"))
        .join("\n")
    : digest;

const checkRun = async (
  target: TTarget,
  name: TWriteName,
  recipe: TRecipe,
  touched: Set<string>,
): Promise<number> => {
  const endpoint: TEndpoint = contract[name];
  const sample = await WRITE_SAMPLES[name](target.caller);
  const before = await target.state();
  const request = prepare(name, recipe, sample, before, target.selfId);
  const why = (what: string) => `${name}: ${what}\n${JSON.stringify(request.described).slice(0, 2000)}`;
  const response = await target.send(request.path, request.init);
  const text = await response.text();

  expect(response.status, why(`answered ${response.status}: ${text.slice(0, 1000)}`)).toBeLessThan(500);
  expect(target.faults, why("the target logged a fault")).toEqual([]);
  if (response.status !== 200) {
    const declared = request.routed ? endpoint.errors : [...endpoint.errors, 404, 405];
    expect(declared, why(`undeclared status ${response.status}: ${text}`)).toContain(response.status);
    expect(response.headers.get("content-type"), why("not problem+json")).toBe(PROBLEM_CONTENT_TYPE);
    const problem = ZProblem.parse(JSON.parse(text));
    expect(problem.status).toBe(response.status);
    const after = await target.whole();
    expect(
      beyondAttempts(name, after) === beyondAttempts(name, before.whole),
      why(`refused with ${response.status} but changed data`),
    ).toBe(true);
    if (problem.current && RECORD_RESPONSE[name] && typeof problem.current.id === "string") {
      // A 409's `current` is the record as stored.
      const stored = before.entities.get(`${RECORD_RESPONSE[name]}:${problem.current.id}`);
      expect(canonicalJson(problem.current), why("409 current is not the stored record")).toBe(stored);
    }
    return response.status;
  }

  const answer = JSON.parse(text) as Record<string, unknown>;
  expect(endpoint.response.safeParse(answer).success, why("the answer breaks the contract")).toBe(true);
  const after = await target.state();
  const changed = new Set(
    [...after.entities].filter(([key, value]) => before.entities.get(key) !== value).map(([key]) => key),
  );
  // Newest first: the entries this write appended are the first (after − before) ones.
  const appended = after.auditSeq - before.auditSeq;
  const audit = await target.caller.call("listAudit", { query: { limit: String(Math.max(1, appended)) } });
  const entries = audit.items.filter((e) => e.seq > before.auditSeq);
  expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
    Array.from({ length: appended }, (_, i) => before.auditSeq + i + 1),
  );
  expect(entries.length, why("one audit entry per changed record")).toBe(changed.size);
  expect(new Set(entries.map(entryKey)), why("the audit names the changed records")).toEqual(changed);
  for (const entry of entries) {
    if (entry.entityType in LISTS) {
      expect(canonicalJson(entry.after), why(`audit after of ${entryKey(entry)}`)).toBe(
        after.entities.get(entryKey(entry)),
      );
      expect(canonicalJson(entry.before ?? undefined), why(`audit before of ${entryKey(entry)}`)).toBe(
        before.entities.get(entryKey(entry)) ?? "null",
      );
    }
  }
  expect(beyondAttempts(name, after.fixed), why("a write changed what no write may change")).toBe(
    beyondAttempts(name, before.fixed),
  );
  if (name === "changeOwnPassword") {
    // What it was changed to is the caller's password from now on (a fuzzed body may name another).
    target.caller.password = (JSON.parse(String(request.init.body)) as { newPassword: string }).newPassword;
  }
  for (const key of changed) touched.add(key);
  const type = RECORD_RESPONSE[name];
  if (type && typeof answer.id === "string") {
    expect(canonicalJson(withoutView(answer)), why("the answer is the record as stored")).toBe(
      after.entities.get(`${type}:${answer.id}`),
    );
  }
  if (name === "closeMeeting" && changed.size > 0) {
    expect(after.snapshots).toEqual([...before.snapshots, answer.id].sort());
  } else {
    expect(after.snapshots).toEqual(before.snapshots);
  }
  // The new entries chain onto the last one (the whole chain is verified after each endpoint's runs).
  const problems = await checkEntries(
    [...entries].sort((a, b) => a.seq - b.seq),
    { lastSeq: before.auditSeq, lastHash: before.auditHash },
  );
  expect(problems, why("the new audit entries do not chain")).toEqual([]);
  return 200;
};

const sampleParam = { kind: "sample" as const };
/**
 * Tried first on every endpoint: the valid request; every date of it at the calendar's edges; a NUL in
 * each of its first texts (a field the schema does not limit must still not reach the database with it);
 * every figure at the largest exact integer (what they add up to must still be readable).
 */
const EXAMPLES: [TRecipe][] = [
  [{ param: sampleParam, body: { kind: "sample" } }],
  ...["0000-01-01", "0001-01-01", "9999-12-31", "2025-02-30"].map((value): [TRecipe] => [
    { param: sampleParam, body: { kind: "date", at: 0, value, all: true } },
  ]),
  ...[0, 1, 2, 3, 4].map((at): [TRecipe] => [
    { param: sampleParam, body: { kind: "text", at, value: "a\u0000b" } },
  ]),
  [{ param: sampleParam, body: { kind: "figures", value: 2 ** 53 - 1 } }],
];

/** Every read without a path parameter (the lists, the statistics, the deadlines, the settings). */
const READS = endpointNames.filter((n) => contract[n].method === "GET" && !("params" in contract[n]));
const DETAIL: Record<keyof typeof LISTS, { name: TEndpointName; param: string }> = {
  case: { name: "getCase", param: "caseId" },
  incident: { name: "getIncident", param: "incidentId" },
  cohort: { name: "getCohort", param: "cohortId" },
  commitment: { name: "getCommitment", param: "commitmentId" },
  document: { name: "getDocument", param: "documentId" },
  meeting: { name: "getMeeting", param: "meetingId" },
  vendor: { name: "getVendor", param: "vendorId" },
  service: { name: "getService", param: "serviceId" },
};

/**
 * What the accepted writes stored can still be read: every list and statistic, and each changed
 * record's own page (a figure the store accepts but a sum or a service of overflows would break them).
 */
const expectReadable = async (target: TTarget, touched: Set<string>) => {
  for (const name of READS) {
    await expect(target.caller.call(name), name).resolves.toBeDefined();
  }
  for (const key of touched) {
    const [type, id] = key.split(":") as [keyof typeof LISTS, string];
    const detail = DETAIL[type];
    if (detail && id) {
      await expect(
        target.caller.call(detail.name, { params: { [detail.param]: id } }),
        key,
      ).resolves.toBeDefined();
    }
  }
};

/** Runs the property for one endpoint and returns how often each status came back (to see it was exercised). */
const runProperty = async (target: TTarget, name: TWriteName, numRuns: number) => {
  const statuses = new Map<number, number>();
  const touched = new Set<string>();
  await fc.assert(
    fc.asyncProperty(recipeOf(name), async (recipe) => {
      const status = await checkRun(target, name, recipe, touched);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
    // fast-check counts the examples among the runs.
    { numRuns: EXAMPLES.length + numRuns, examples: EXAMPLES },
  );
  if (process.env.FC_STATS) console.info(name, JSON.stringify([...statuses].sort()));
  const verification = await target.caller.call("verifyAudit");
  expect(verification.ok, `audit chain: ${JSON.stringify(verification.problems)}`).toBe(true);
  expect(verification.lastSeq).toBe((await target.state()).auditSeq);
  await expectReadable(target, touched);
  return statuses;
};

const expectExercised = (name: TWriteName, statuses: Map<number, number>) => {
  // Not a property that only ever saw refusals: valid requests get through, and bad ones are refused.
  expect(statuses.get(200) ?? 0, `${name}: ${JSON.stringify([...statuses])}`).toBeGreaterThan(0);
  expect(
    [...statuses.keys()].some((s) => s !== 200),
    `${name}: ${JSON.stringify([...statuses])}`,
  ).toBe(true);
};

// ---------------------------------------------------------------------------------------------------

/**
 * Which rows exist, and which version of each (a row's xmin and ctid change with every insert, update or
 * delete), per table, in one query. Equal digests mean no row was written at all — stricter than
 * dataDigest (open-test-db.ts), which compares content and so lets a write of the same values pass, and
 * much cheaper: it reads no row's content, where dataDigest re-reads the growing audit log and the frozen
 * meeting snapshots after every request and made the runs quadratic.
 */
const storedDigest = async (db: TDb): Promise<string> => {
  const tables = await queryAs<{ name: string }>(
    db,
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
     ORDER BY table_name COLLATE "C"`,
  );
  const rows = await queryAs<{ name: string; n: number; digest: string | null }>(
    db,
    tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*) AS n,
             md5(string_agg(t.xmin::text || '@' || t.ctid::text, ',' ORDER BY t.ctid)) AS digest
           FROM "${name}" t`,
      )
      .join("\nUNION ALL\n"),
  );
  return rows
    .map((r) => `${r.name}:${r.n}:${r.digest}`)
    .sort()
    .join("\n");
};

it("covers every write endpoint of the contract, each with a valid sample to start from", () => {
  expect(Object.keys(WRITE_SAMPLES).sort()).toEqual([...WRITE_NAMES].sort());
  expect(WRITE_NAMES.length).toBeGreaterThan(20);
});

const FIXED_TABLES = new Set(["sessions", "login_attempts", "schema_migrations"]);

describe.each(testEngines)(
  "every write endpoint, fed random and hostile requests, on the server (%s)",
  (engine) => {
    let t: TTestDb;
    let app: ReturnType<typeof createApp>;
    let target: TTarget;
    let last: TState | undefined;
    let counter = 0;
    const faults: string[] = [];

    beforeAll(async () => {
      t = await openTestDb({ engine });
      // A still clock: a refused request writes nothing at all, not even a session's last-seen time.
      const now = new Date("2025-10-01T03:00:00Z");
      app = createApp({
        db: t.db,
        staticDir: "/nonexistent",
        log: (m) => faults.push(m),
        clock: () => now,
      });
      const admin = await ensureTestUser(t.db, "admin");
      const session = await signIn(app, "test-admin");
      const headers = { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken };
      const send = (path: string, init: RequestInit) =>
        Promise.resolve(
          app.request(path, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), ...headers },
          }),
        );
      const caller: TCaller = {
        call: async (name, call = {}) => {
          const { path, init } = requestOf(name, call);
          const response = await send(path, init);
          const text = await response.text();
          if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${text}`);
          return JSON.parse(text) as never;
        },
        unique: (prefix) => `${prefix}-${engine}-${++counter}`,
        password: TEST_PASSWORD,
      };
      target = {
        caller,
        send,
        selfId: admin.id,
        faults,
        whole: () => storedDigest(t.db),
        state: async () => {
          const whole = await storedDigest(t.db);
          // Equal digests, equal data: the state read last time still holds (most runs change nothing).
          if (last?.whole === whole) return last;
          const { data } = await loadRecord(t.db);
          const users = (
            await queryAs<{ row: { id: string; version: number } }>(
              t.db,
              "SELECT to_jsonb(u) AS row FROM users u ORDER BY id",
            )
          ).map((r) => r.row);
          const [settings] = await queryAs<{ row: { version: number } }>(
            t.db,
            "SELECT to_jsonb(s) AS row FROM settings s",
          );
          const [head] = await queryAs<{ seq: string; hash: string }>(
            t.db,
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
          );
          const snapshots = await queryAs<{ id: string }>(
            t.db,
            "SELECT meeting_id AS id FROM meeting_snapshots ORDER BY 1",
          );
          const fixed = [
            ...whole.split("\n").filter((line) => FIXED_TABLES.has(line.split(":")[0] ?? "")),
            JSON.stringify({ r: data.regulatoryActions }),
          ].join("\n");
          last = {
            whole,
            data,
            entities: entitiesOf(data, users, settings?.row ?? null),
            users: users.map((u) => ({ id: u.id, version: u.version })),
            settingsVersion: settings?.row.version ?? 1,
            auditSeq: Number(head?.seq ?? 0),
            auditHash: head?.hash ?? GENESIS_HASH,
            snapshots: snapshots.map((s) => s.id).sort(),
            fixed,
          };
          return last;
        },
      };
    });
    afterAll(async () => {
      await t?.close();
    });

    it.each(WRITE_NAMES)(
      "%s: never a 5xx; a refusal changes nothing; an acceptance changes exactly what its audit entries name",
      async (name) => {
        faults.length = 0;
        expectExercised(name, await runProperty(target, name, RUNS.server));
      },
      300_000,
    );

    // Not one of the writes (it is public), but anyone can send it anything: it must not fail either.
    it("login: never a 5xx whatever the credentials; a refusal records at most the failed attempt", async () => {
      faults.length = 0;
      const credentials = fc.oneof(
        fc.record({
          username: fc.oneof(
            fc.constantFrom("test-admin", "TEST-ADMIN ", "a\u0000b", "x\uD800", "a".repeat(41)),
            anyText(0, 10),
          ),
          password: fc.oneof(fc.constantFrom(TEST_PASSWORD, "\u0000", "p".repeat(257)), anyText(0, 10)),
        }),
        hostileBody,
      );
      await fc.assert(
        fc.asyncProperty(credentials, async (body) => {
          const unchanged = (digest: string) =>
            digest
              .split("\n")
              .filter((line) => !/^(login_attempts|sessions):/.test(line))
              .join("\n");
          const before = unchanged(await storedDigest(t.db));
          const response = await app.request(contract.login.path, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          });
          const text = await response.text();
          expect([200, ...contract.login.errors], `${JSON.stringify(body)} → ${text}`).toContain(
            response.status,
          );
          expect(faults).toEqual([]);
          if (response.status !== 200) expect(unchanged(await storedDigest(t.db))).toBe(before);
        }),
        { numRuns: RUNS.server, examples: [[{ username: "a\u0000b", password: "x" }]] },
      );
    });
  },
);

describe("every write endpoint, fed random and hostile requests, on the mocks", () => {
  const mock = setupServer();
  let store: TMockStore;
  let target: TTarget;
  let counter = 0;
  const faults: string[] = [];

  beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
  afterAll(() => {
    mock.close();
    resetMockAuth(null);
  });
  /** Everything the mocks keep. */
  const whole = () =>
    JSON.stringify({
      data: store.data,
      audit: store.audit,
      head: store.head,
      settings: store.settings,
      snapshots: [...store.snapshots],
      users: mockUsers(),
    });

  beforeEach(() => {
    // A fresh record for each endpoint, and the demo users as they start.
    store = createMockStore(case2025);
    mock.resetHandlers(...createHandlers(store));
    resetMockAuth(null);
    const { csrfToken, user } = signInMock("admin");
    const send = (path: string, init: RequestInit) =>
      fetch(`http://mock.test${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), [CSRF_HEADER]: csrfToken },
      });
    const caller: TCaller = {
      call: async (name, call = {}) => {
        const { path, init } = requestOf(name, call);
        const response = await send(path, init);
        const text = await response.text();
        if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${text}`);
        return JSON.parse(text) as never;
      },
      unique: (prefix) => `${prefix}-mock-${++counter}`,
      password: MOCK_DEMO_USERS.find((u) => u.role === "admin")?.password ?? "",
    };
    target = {
      caller,
      send,
      selfId: user.id,
      faults,
      whole: async () => whole(),
      state: async () => {
        const users = mockUsers();
        return {
          whole: whole(),
          data: store.data,
          entities: entitiesOf(store.data, users, store.settings),
          users: users.map((u) => ({ id: u.id, version: u.version })),
          settingsVersion: store.settings.version,
          auditSeq: store.audit.at(-1)?.seq ?? 0,
          auditHash: store.audit.at(-1)?.hash ?? GENESIS_HASH,
          snapshots: [...store.snapshots.keys()].sort(),
          fixed: JSON.stringify({ r: store.data.regulatoryActions }),
        };
      },
    };
  });

  it.each(WRITE_NAMES)(
    "%s: never a 5xx; a refusal changes nothing in the store; an acceptance changes what its audit names",
    async (name) => {
      expectExercised(name, await runProperty(target, name, RUNS.mocks));
    },
    300_000,
  );
});
