import { type TDataset, ZDataset } from "../schemas/dataset";
import {
  type TCohortUpdate,
  type TCommitmentDraft,
  type TCommitmentUpdate,
  type TIncidentUpdate,
  ZCohortUpdate,
  ZCommitmentUpdate,
  ZDocumentUpdate,
  ZIncidentUpdate,
  ZMeetingUpdate,
  ZServiceUpdate,
  ZVendorUpdate,
} from "../schemas/edit";
import type { TProblem } from "../schemas/problem";
import { case2025 } from "../seed/case-2025";
import {
  nestedIdProblems,
  nextId,
  storageProblems,
  type TEditContext,
  type TEditOutcome,
  type TEditSuccess,
  withIds,
} from "./engine";
import * as edit from "./records";

/*
 * The write model's rules, one by one, on the 2025 case: each refusal (404, stale 409, state 409, each
 * 422 code), the commitment workflow, and what an accepted edit hands back (the next record, the changes
 * the audit log records, versions). Every edit runs on a deep-frozen dataset, so one that changed its
 * input in place would throw.
 */

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

const fresh = (): TDataset => deepFreeze(structuredClone(case2025));

/** 2025-10-01 12:00 in Tokyo. */
const ctx: TEditContext = {
  now: new Date("2025-10-01T03:00:00Z"),
  actor: { id: "usr-tester01", username: "tester", displayName: "Tester" },
};

const ok = (outcome: TEditOutcome): TEditSuccess => {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problem)}`);
  return outcome;
};
const refused = (outcome: TEditOutcome): TProblem => {
  if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(outcome.changes.map((c) => c.entityId))}`);
  return outcome.problem;
};
const codes = (p: TProblem) => (p.errors ?? []).map((e) => `${e.field}:${e.code}`);
const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
  const item = items.find((x) => x.id === id);
  if (!item) throw new Error(`no ${id}`);
  return item;
};

// Update bodies from the stored records, checked against the contract's schemas so they are real requests.
const incidentBody = (data: TDataset, id: string): TIncidentUpdate => {
  const { id: _id, ...inc } = byId(data.incidents, id);
  return ZIncidentUpdate.parse({
    ...inc,
    impact: inc.impact.map(({ outsideRecord: _o, ...x }) => x),
    milestones: inc.milestones.map(({ outsideRecord: _o, ...m }) => m),
  });
};
const cohortBody = (data: TDataset, id: string): TCohortUpdate => {
  const { id: _id, progress: _p, ...cohort } = byId(data.cohorts, id);
  return ZCohortUpdate.parse(cohort);
};
const commitmentBody = (data: TDataset, id: string): TCommitmentUpdate => {
  const {
    id: _id,
    reportedDoneDate: _r,
    verifiedDate: _v,
    evidence: _e,
    reopenedDate: _rd,
    reopenedReason: _rr,
    history: _h,
    status,
    ...c
  } = byId(data.commitments, id);
  return ZCommitmentUpdate.parse({
    ...c,
    ...(status === "open" || status === "in_progress" ? { status } : {}),
  });
};
const documentBody = (data: TDataset, id: string) => {
  const { id: _id, ...doc } = byId(data.documents, id);
  return ZDocumentUpdate.parse(doc);
};
const meetingBody = (data: TDataset, id: string) => {
  const { id: _id, closed: _c, ...m } = byId(data.meetings, id);
  return ZMeetingUpdate.parse(m);
};
const vendorBody = (data: TDataset, id: string) => {
  const { id: _id, ...v } = byId(data.vendors, id);
  return ZVendorUpdate.parse(v);
};
const serviceBody = (data: TDataset, id: string) => {
  const { id: _id, ...p } = byId(data.services, id);
  return ZServiceUpdate.parse(p);
};

const text = (s: string) => ({ ja: s, en: s });
const src = (documentId = "doc-1") => ({ documentId, cites: [] });

const newCommitment = (over: Partial<TCommitmentDraft> = {}): TCommitmentDraft => ({
  kind: "vendor_promise",
  text: text("返金を完了する"),
  quote: null,
  owedByIds: ["sompo"],
  incidentIds: ["inc-3"],
  madeInDocumentId: "doc-4",
  madeAtMeetingId: null,
  madeOn: "2025-08",
  dueDate: "2025-10-15",
  source: src("doc-4"),
  ...over,
});

const refundEvent = (version: number, over: Record<string, unknown> = {}) => ({
  version,
  date: "2025-09-30",
  doneCount: { status: "reported" as const, value: 3, source: src("notice") },
  note: null,
  source: src("notice"),
  ...over,
});

describe("nextId", () => {
  it("is one above the largest number in use with the prefix", () => {
    expect(nextId("inc", [])).toBe("inc-1");
    expect(nextId("inc", ["inc-1", "inc-7", "inc-3"])).toBe("inc-8");
  });
  it("ignores ids of other shapes and other prefixes", () => {
    expect(nextId("coh", ["coh-3-refund", "coh-2-failed", "cohort-9", "xcoh-5"])).toBe("coh-1");
    expect(nextId("ms", ["ms-01", "ms-x", "ms-2a"])).toBe("ms-2");
  });
});

describe("withIds", () => {
  it("keeps the ids items have and gives the others fresh ones, extending `taken`", () => {
    const taken = new Set(["ms-4"]);
    const out = withIds([{ id: "m-kept" }, {}, {}], "ms", taken);
    expect(out.map((x) => x.id)).toEqual(["m-kept", "ms-5", "ms-6"]);
    expect([...taken].sort()).toEqual(["m-kept", "ms-4", "ms-5", "ms-6"]);
  });
  it("never gives a new item an id another item of the same list keeps", () => {
    // Adding a milestone next to one created earlier (ms-1) must not hand out ms-1 again.
    const out = withIds([{}, { id: "ms-1" }], "ms", new Set());
    expect(new Set(out.map((x) => x.id)).size).toBe(2);
    expect(out[1]?.id).toBe("ms-1");
  });
});

describe("nestedIdProblems", () => {
  it("names ids sent twice and ids another record owns", () => {
    const errors = nestedIdProblems("items", [{ id: "a" }, { id: "a" }, { id: "b" }], new Set(["b"]));
    expect(errors.map((e) => `${e.field}:${e.code}:${e.params?.id}`)).toEqual([
      "items.1.id:duplicate:a",
      "items.2.id:duplicate:b",
    ]);
  });
});

describe("storageProblems", () => {
  const data = fresh();
  it("names each unknown reference by the body's path, with its kind and id", () => {
    const errors = storageProblems(data, {
      source: { documentId: "nope", cites: ["doc-1", "gone"] },
      vendorIds: ["sompo", "acme"],
      issuerIds: ["association", "sompo", "nobody"],
      parentId: "coh-none",
    });
    expect(errors.map((e) => `${e.field}:${e.code}:${e.params?.kind}:${e.params?.id}`)).toEqual([
      "source.documentId:unknown_reference:document:nope",
      "source.cites.1:unknown_reference:document:gone",
      "vendorIds.1:unknown_reference:vendor:acme",
      "issuerIds.2:unknown_reference:party:nobody",
      "parentId:unknown_reference:cohort:coh-none",
    ]);
  });
  it("refuses a reference listed twice where the record keeps a set (but not in citations)", () => {
    const errors = storageProblems(data, {
      vendorIds: ["sompo", "sompo"],
      source: { documentId: "doc-1", cites: ["notice", "notice"] },
    });
    expect(codes({ ...({} as TProblem), errors })).toEqual(["vendorIds.1:duplicate"]);
  });
  it("refuses NUL and lone surrogates anywhere, and keeps well-formed pairs", () => {
    const errors = storageProblems(data, {
      a: "x\u0000y",
      b: { c: ["ok", "\uD800"] },
      d: "\uDC00",
      e: "🙂 ok",
      f: "\uD83D\uDE42",
    });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      "a:invalid_text",
      "b.c.1:invalid_text",
      "d:invalid_text",
    ]);
  });
  it("refuses integers beyond 32 bits, and figures beyond a trillion (what sums and yen are derived from)", () => {
    const errors = storageProblems(data, {
      number: 2 ** 31,
      fine: 2 ** 31 - 1,
      count: { status: "reported", value: 1e12 },
      big: { status: "reported", value: 1e12 + 1 },
      negative: -(2 ** 31) - 1,
    });
    expect(errors.map((e) => `${e.field}:${e.code}:${e.params?.max}`)).toEqual([
      "number:too_large:2147483647",
      "big.value:too_large:1000000000000",
      "negative:too_large:2147483647",
    ]);
  });
  it("walks keys such as __proto__ like any other key, without touching prototypes", () => {
    const body = JSON.parse('{"__proto__": {"documentId": "nope", "polluted": "\\u0000"}}') as unknown;
    const errors = storageProblems(data, body);
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      "__proto__.documentId:unknown_reference",
      "__proto__.polluted:invalid_text",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("every update", () => {
  type TCase = { name: string; run: (data: TDataset, id: string, version: number) => TEditOutcome };
  const cases: (TCase & { id: string; list: keyof TDataset })[] = [
    {
      name: "updateIncident",
      id: "inc-1",
      list: "incidents",
      run: (d, id, v) => edit.updateIncident(d, id, { ...incidentBody(fresh(), "inc-1"), version: v }),
    },
    {
      name: "updateCohort",
      id: "coh-3-refund",
      list: "cohorts",
      run: (d, id, v) => edit.updateCohort(d, id, { ...cohortBody(fresh(), "coh-3-refund"), version: v }),
    },
    {
      name: "addProgressEvent",
      id: "coh-3-refund",
      list: "cohorts",
      run: (d, id, v) => edit.recordProgress(d, id, null, refundEvent(v), ctx),
    },
    {
      name: "updateCommitment",
      id: "cmt-3-refunds",
      list: "commitments",
      run: (d, id, v) =>
        edit.updateCommitment(d, id, { ...commitmentBody(fresh(), "cmt-3-refunds"), version: v }),
    },
    {
      name: "reportCommitmentDone",
      id: "cmt-3-refunds",
      list: "commitments",
      run: (d, id, v) =>
        edit.reportCommitmentDone(
          d,
          id,
          { version: v, reportedDoneDate: "2025-09-30", evidence: text("e") },
          ctx,
        ),
    },
    {
      name: "updateDocument",
      id: "doc-5",
      list: "documents",
      run: (d, id, v) => edit.updateDocument(d, id, { ...documentBody(fresh(), "doc-5"), version: v }, ctx),
    },
    {
      name: "updateMeeting",
      id: "mtg-2025-03",
      list: "meetings",
      run: (d, id, v) => edit.updateMeeting(d, id, { ...meetingBody(fresh(), "mtg-2025-03"), version: v }),
    },
    {
      name: "updateVendor",
      id: "partners",
      list: "vendors",
      run: (d, id, v) => edit.updateVendor(d, id, { ...vendorBody(fresh(), "partners"), version: v }),
    },
    {
      name: "updateService",
      id: "prod-oyako",
      list: "services",
      run: (d, id, v) => edit.updateService(d, id, { ...serviceBody(fresh(), "prod-oyako"), version: v }),
    },
  ];

  it.each(cases)("$name answers 404 for an id that does not exist", ({ run }) => {
    const p = refused(run(fresh(), "no-such-record", 1));
    expect(p.status).toBe(404);
    expect(p.current).toBeUndefined();
  });

  it.each(cases)("$name refuses a stale version with 409 and the record as stored", ({ run, id, list }) => {
    const data = fresh();
    for (const stale of [2, 99]) {
      const p = refused(run(data, id, stale));
      expect(p.status).toBe(409);
      expect(p.errors).toBeUndefined();
      expect(p.current).toEqual(byId(data[list] as { id: string }[], id));
    }
  });
});

describe("no-op updates", () => {
  it.each([
    ["updateIncident", (d: TDataset) => edit.updateIncident(d, "inc-2", incidentBody(d, "inc-2"))],
    ["updateCohort", (d: TDataset) => edit.updateCohort(d, "coh-2-offset", cohortBody(d, "coh-2-offset"))],
    [
      "updateCommitment",
      (d: TDataset) => edit.updateCommitment(d, "cmt-1-letters", commitmentBody(d, "cmt-1-letters")),
    ],
    ["updateDocument", (d: TDataset) => edit.updateDocument(d, "notice", documentBody(d, "notice"), ctx)],
    ["updateMeeting", (d: TDataset) => edit.updateMeeting(d, "mtg-2025-03", meetingBody(d, "mtg-2025-03"))],
    ["updateVendor", (d: TDataset) => edit.updateVendor(d, "sompo", vendorBody(d, "sompo"))],
    ["updateService", (d: TDataset) => edit.updateService(d, "prod-medical", serviceBody(d, "prod-medical"))],
  ])("%s with the record as it is stores nothing and logs nothing", (_name, run) => {
    const data = fresh();
    const out = ok(run(data));
    expect(out.changes).toEqual([]);
    expect(out.data).toBe(data);
  });

  it("keys in another order are no change either", () => {
    const data = fresh();
    const body = incidentBody(data, "inc-3");
    const reversed = Object.fromEntries(Object.entries(body).reverse()) as typeof body;
    expect(ok(edit.updateIncident(data, "inc-3", reversed)).changes).toEqual([]);
  });
});

describe("incidents", () => {
  const draft = (data: TDataset) => {
    const { version: _v, number: _n, ...body } = incidentBody(data, "inc-3");
    return {
      ...body,
      impact: body.impact.map(({ id: _id, ...s }) => s),
      milestones: body.milestones.map(({ id: _id, ...m }) => m),
    };
  };

  it("creates with the next id and number, fresh nested ids, and outsideRecord from each source", () => {
    const data = fresh();
    const body = draft(data);
    const ctxMilestone = {
      ...(body.milestones[0] as (typeof body.milestones)[number]),
      source: src("ctx-kyodo"),
    };
    const out = ok(edit.createIncident(data, { ...body, milestones: [...body.milestones, ctxMilestone] }));
    const created = byId(out.data.incidents, "inc-4");
    expect(out.result).toBe("inc-4");
    expect(created.number).toBe(4);
    expect(created.version).toBe(1);
    expect(created.milestones.map((m) => [m.id, m.outsideRecord])).toEqual([
      ["ms-1", false],
      ["ms-2", false],
      ["ms-3", true],
    ]);
    expect(out.changes).toEqual([
      { entityType: "incident", entityId: "inc-4", before: null, after: created },
    ]);
    expect(out.data.incidents).toHaveLength(4);
  });

  it("adds a milestone next to one it created before without clashing ids", () => {
    const first = ok(edit.createIncident(fresh(), draft(fresh())));
    const data = deepFreeze(first.data);
    const body = incidentBody(data, "inc-4");
    const added = { ...(body.milestones[0] as (typeof body.milestones)[number]), id: undefined };
    const out = ok(edit.updateIncident(data, "inc-4", { ...body, milestones: [added, ...body.milestones] }));
    const ids = byId(out.data.incidents, "inc-4").milestones.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(1)).toEqual(body.milestones.map((m) => m.id));
  });

  it("bumps the version by one and records before and after", () => {
    const data = fresh();
    const body = { ...incidentBody(data, "inc-1"), status: "closed" as const };
    const out = ok(edit.updateIncident(data, "inc-1", body));
    const after = byId(out.data.incidents, "inc-1");
    expect(after.version).toBe(2);
    expect(after.status).toBe("closed");
    expect(out.changes).toEqual([
      { entityType: "incident", entityId: "inc-1", before: byId(data.incidents, "inc-1"), after },
    ]);
  });

  it("refuses a number in use (taken), naming it", () => {
    const p = refused(
      edit.updateIncident(fresh(), "inc-1", { ...incidentBody(fresh(), "inc-1"), number: 2 }),
    );
    expect(p.status).toBe(422);
    expect(p.errors).toEqual([
      expect.objectContaining({ field: "number", code: "taken", params: { number: 2 } }),
    ]);
  });

  it("refuses a nested id another incident owns, and one sent twice", () => {
    const data = fresh();
    const body = incidentBody(data, "inc-3");
    const [m0, m1] = body.milestones as [(typeof body.milestones)[0], (typeof body.milestones)[0]];
    const p = refused(
      edit.updateIncident(data, "inc-3", {
        ...body,
        milestones: [{ ...m0, id: "m1-occurred" }, m1, { ...m1 }],
      }),
    );
    expect(p.status).toBe(422);
    expect(codes(p)).toEqual(["milestones.0.id:duplicate", "milestones.2.id:duplicate"]);
  });

  it("names an unknown source document by its place in the body", () => {
    const data = fresh();
    const body = incidentBody(data, "inc-1");
    const milestones = body.milestones.map((m, i) => (i === 2 ? { ...m, source: src("doc-404") } : m));
    const p = refused(edit.updateIncident(data, "inc-1", { ...body, milestones }));
    expect(p.errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "milestones.2.source.documentId",
        code: "unknown_reference",
        params: { kind: "document", id: "doc-404" },
      }),
    ]);
  });
});

describe("cohorts and progress", () => {
  it("creates a cohort with no progress at version 1", () => {
    const data = fresh();
    const { version: _v, ...body } = cohortBody(data, "coh-3-refund");
    const out = ok(edit.createCohort(data, { ...body, parentId: "coh-3-refund" }));
    expect(out.result).toBe("coh-1");
    expect(byId(out.data.cohorts, "coh-1")).toMatchObject({
      progress: [],
      version: 1,
      parentId: "coh-3-refund",
    });
  });

  it("refuses a parent in another incident (other_incident)", () => {
    const data = fresh();
    const p = refused(
      edit.updateCohort(data, "coh-3-refund", {
        ...cohortBody(data, "coh-3-refund"),
        parentId: "coh-1-letters",
      }),
    );
    expect(codes(p)).toEqual(["parentId:other_incident"]);
  });

  it("refuses a cohort inside itself, directly or through its children (cycle)", () => {
    const data = fresh();
    const self = refused(
      edit.updateCohort(data, "coh-2-failed", {
        ...cohortBody(data, "coh-2-failed"),
        parentId: "coh-2-failed",
      }),
    );
    expect(codes(self)).toEqual(["parentId:cycle"]);
    const loop = refused(
      edit.updateCohort(data, "coh-2-corrected", {
        ...cohortBody(data, "coh-2-corrected"),
        parentId: "coh-2-offset",
      }),
    );
    expect(codes(loop)).toEqual(["parentId:cycle"]);
  });

  it("keeps a cohort with progress or sub-cohorts with its incident (has_progress, has_children)", () => {
    const data = fresh();
    const withProgress = refused(
      edit.updateCohort(data, "coh-2-failed", { ...cohortBody(data, "coh-2-failed"), incidentId: "inc-1" }),
    );
    expect(codes(withProgress)).toEqual(["incidentId:has_progress"]);
    const withChildren = refused(
      edit.updateCohort(data, "coh-2-corrected", {
        ...cohortBody(data, "coh-2-corrected"),
        incidentId: "inc-3",
      }),
    );
    expect(codes(withChildren)).toEqual(["incidentId:has_progress", "incidentId:has_children"]);
    // Without either, it may move.
    const leaf = ok(
      edit.updateCohort(data, "coh-3-refund", { ...cohortBody(data, "coh-3-refund"), incidentId: "inc-1" }),
    );
    expect(byId(leaf.data.cohorts, "coh-3-refund").incidentId).toBe("inc-1");
  });

  it("keeps the yen derived from a cohort within a trillion (too_large), members or put right × yen", () => {
    const data = fresh();
    const body = cohortBody(data, "coh-2-failed");
    const members = (value: number) => ({ ...body.people, value }) as typeof body.people;
    const perMember = (value: number) => ({ ...body.amountPerPersonYen, value }) as typeof body.people;
    ok(
      edit.updateCohort(data, "coh-2-failed", {
        ...body,
        people: members(5_000_000),
        amountPerPersonYen: perMember(200_000),
      }),
    );
    const p = refused(
      edit.updateCohort(data, "coh-2-failed", {
        ...body,
        people: members(5_000_001),
        amountPerPersonYen: perMember(200_000),
      }),
    );
    expect(p.errors).toEqual([
      expect.objectContaining({
        field: "amountPerPersonYen.value",
        code: "too_large",
        params: { max: 199_999 },
      }),
    ]);
    // Members not reported: the count put right is what is multiplied (200 yen each here).
    const huge = { status: "reported" as const, value: 5_000_000_001, source: src("notice") };
    const event = refused(
      edit.recordProgress(
        data,
        "coh-2-offset",
        null,
        refundEvent(1, { doneCount: huge, cohortStatus: undefined }),
        ctx,
      ),
    );
    expect(event.errors).toEqual([
      expect.objectContaining({
        field: "doneCount.value",
        code: "too_large",
        params: { max: 5_000_000_000 },
      }),
    ]);
    // And a new yen per member is checked against the counts already recorded.
    const many = { status: "reported" as const, value: 4_000_000_000, source: src("notice") };
    const recorded = ok(
      edit.recordProgress(
        data,
        "coh-2-offset",
        null,
        refundEvent(1, { doneCount: many, cohortStatus: undefined }),
        ctx,
      ),
    ).data;
    const offset = cohortBody(recorded, "coh-2-offset");
    const raised = refused(
      edit.updateCohort(recorded, "coh-2-offset", {
        ...offset,
        amountPerPersonYen: { ...offset.amountPerPersonYen, value: 300 } as typeof offset.people,
      }),
    );
    expect(raised.errors).toEqual([
      expect.objectContaining({ field: "amountPerPersonYen.value", code: "too_large", params: { max: 250 } }),
    ]);
  });

  it("appends a progress event with the next id and may set the cohort's status", () => {
    const data = fresh();
    const out = ok(
      edit.recordProgress(data, "coh-3-refund", null, { ...refundEvent(1), cohortStatus: "completed" }, ctx),
    );
    const cohort = byId(out.data.cohorts, "coh-3-refund");
    expect(cohort.version).toBe(2);
    expect(cohort.status).toBe("completed");
    expect(cohort.progress).toEqual([
      {
        id: "pe-1",
        cohortId: "coh-3-refund",
        date: "2025-09-30",
        doneCount: refundEvent(1).doneCount,
        note: null,
        source: src("notice"),
        // The event keeps the status change it made, so the status on an earlier day can be replayed.
        statusChange: { from: "in_progress", to: "completed" },
      },
    ]);
    expect(out.changes.map((c) => `${c.entityType}:${c.entityId}`)).toEqual(["cohort:coh-3-refund"]);
  });

  it("corrects an event in place and answers 404 for an event the cohort does not have", () => {
    const data = fresh();
    const out = ok(
      edit.recordProgress(
        data,
        "coh-2-failed",
        "p2-failed-rebilled",
        refundEvent(1, {
          date: "2025-08-16",
          doneCount: { status: "reported", value: 6, source: src("notice") },
        }),
        ctx,
      ),
    );
    const cohort = byId(out.data.cohorts, "coh-2-failed");
    expect(cohort.progress.map((e) => [e.id, e.date])).toEqual([["p2-failed-rebilled", "2025-08-16"]]);
    // An event of another cohort is not this cohort's.
    expect(
      refused(edit.recordProgress(data, "coh-2-failed", "p2-corrected", refundEvent(1), ctx)).status,
    ).toBe(404);
    expect(refused(edit.recordProgress(data, "coh-none", null, refundEvent(1), ctx)).status).toBe(404);
  });

  it("refuses a date after today in Tokyo, day or month (in_future)", () => {
    const data = fresh();
    // 2025-10-01 03:00 UTC is already 10-01 in Tokyo: that day is allowed, the next one is not.
    ok(edit.recordProgress(data, "coh-3-refund", null, refundEvent(1, { date: "2025-10-01" }), ctx));
    ok(edit.recordProgress(data, "coh-3-refund", null, refundEvent(1, { date: "2025-10" }), ctx));
    const day = refused(
      edit.recordProgress(data, "coh-3-refund", null, refundEvent(1, { date: "2025-10-02" }), ctx),
    );
    expect(day.errors).toEqual([
      expect.objectContaining({ field: "date", code: "in_future", params: { date: "2025-10-02" } }),
    ]);
    const month = refused(
      edit.recordProgress(data, "coh-3-refund", null, refundEvent(1, { date: "2025-11" }), ctx),
    );
    expect(codes(month)).toEqual(["date:in_future"]);
  });

  it("refuses more people put right than the cohort has (exceeds_people)", () => {
    const p = refused(
      edit.recordProgress(
        fresh(),
        "coh-3-refund",
        null,
        refundEvent(1, { doneCount: { status: "reported", value: 4, source: src("notice") } }),
        ctx,
      ),
    );
    expect(p.errors).toEqual([
      expect.objectContaining({ field: "doneCount.value", code: "exceeds_people", params: { people: 3 } }),
    ]);
  });

  it("refuses completed with fewer people put right (completed_short), not when the count is unknown", () => {
    const two = { status: "reported" as const, value: 2, source: src("notice") };
    const p = refused(
      edit.recordProgress(
        fresh(),
        "coh-3-refund",
        null,
        refundEvent(1, { doneCount: two, cohortStatus: "completed" }),
        ctx,
      ),
    );
    expect(p.errors).toEqual([
      expect.objectContaining({
        field: "cohortStatus",
        code: "completed_short",
        params: { done: 2, people: 3 },
      }),
    ]);
    const unknown = { status: "not_reported" as const, missing: text("未報告"), source: src("notice") };
    ok(
      edit.recordProgress(
        fresh(),
        "coh-3-refund",
        null,
        refundEvent(1, { doneCount: unknown, cohortStatus: "completed" }),
        ctx,
      ),
    );
  });
});

describe("the commitment workflow", () => {
  const at = (data: TDataset, id: string) => byId(data.commitments, id);
  const report = (data: TDataset, id: string, date = "2025-09-20") =>
    edit.reportCommitmentDone(
      data,
      id,
      { version: at(data, id).version, reportedDoneDate: date, evidence: text("返金の記録") },
      ctx,
    );
  const verify = (data: TDataset, id: string, date = "2025-09-25") =>
    edit.verifyCommitment(data, id, { version: at(data, id).version, verifiedDate: date }, ctx);
  const reopen = (data: TDataset, id: string, date = "2025-09-26") =>
    edit.reopenCommitment(
      data,
      id,
      { version: at(data, id).version, reopenedDate: date, reason: text("不足") },
      ctx,
    );

  it("creates open unless told in_progress, with no workflow fields", () => {
    const out = ok(edit.createCommitment(fresh(), newCommitment()));
    expect(out.result).toBe("cmt-1");
    expect(at(out.data, "cmt-1")).toMatchObject({
      status: "open",
      reportedDoneDate: null,
      verifiedDate: null,
      evidence: null,
      reopenedDate: null,
      reopenedReason: null,
      version: 1,
    });
    expect(
      at(ok(edit.createCommitment(fresh(), newCommitment({ status: "in_progress" }))).data, "cmt-1").status,
    ).toBe("in_progress");
  });

  it("goes report-done → reopen → report-done → verify, a version per step", () => {
    let data = fresh();
    data = ok(report(data, "cmt-3-refunds")).data;
    expect(at(data, "cmt-3-refunds")).toMatchObject({
      status: "vendor_reported_done",
      reportedDoneDate: "2025-09-20",
      evidence: text("返金の記録"),
      version: 2,
    });
    data = ok(reopen(data, "cmt-3-refunds")).data;
    expect(at(data, "cmt-3-refunds")).toMatchObject({
      status: "reopened",
      reopenedDate: "2025-09-26",
      reopenedReason: text("不足"),
      verifiedDate: null,
      reportedDoneDate: "2025-09-20",
      version: 3,
    });
    data = ok(report(data, "cmt-3-refunds", "2025-09-27")).data;
    expect(at(data, "cmt-3-refunds")).toMatchObject({ status: "vendor_reported_done", version: 4 });
    data = ok(verify(data, "cmt-3-refunds", "2025-09-28")).data;
    expect(at(data, "cmt-3-refunds")).toMatchObject({
      status: "verified",
      verifiedDate: "2025-09-28",
      reopenedDate: null,
      reopenedReason: null,
      version: 5,
    });
    // A verified commitment can be reopened (clearing the verification).
    data = ok(reopen(data, "cmt-3-refunds", "2025-09-29")).data;
    expect(at(data, "cmt-3-refunds")).toMatchObject({ status: "reopened", verifiedDate: null, version: 6 });
  });

  it("verifies or reopens only what was reported done (not_reported_done)", () => {
    const data = fresh();
    for (const p of [refused(verify(data, "cmt-1-letters")), refused(reopen(data, "cmt-1-letters"))]) {
      expect(p.status).toBe(409);
      expect(codes(p)).toEqual([":not_reported_done"]);
      expect(p.current).toEqual(at(data, "cmt-1-letters"));
    }
  });

  it("does not report done what is verified (already_verified)", () => {
    const data = ok(verify(ok(report(fresh(), "cmt-3-refunds")).data, "cmt-3-refunds")).data;
    const p = refused(report(data, "cmt-3-refunds"));
    expect(p.status).toBe(409);
    expect(codes(p)).toEqual([":already_verified"]);
  });

  it("changes the status past in_progress only through the workflow (status_workflow)", () => {
    const data = ok(report(fresh(), "cmt-3-refunds")).data;
    const body = { ...commitmentBody(data, "cmt-3-refunds"), status: "open" as const };
    const p = refused(edit.updateCommitment(data, "cmt-3-refunds", body));
    expect(p.status).toBe(409);
    expect(codes(p)).toEqual([":status_workflow"]);
    // Wording may still change, the status stays.
    const { status: _s, ...wording } = body;
    const out = ok(edit.updateCommitment(data, "cmt-3-refunds", { ...wording, text: text("新しい文言") }));
    expect(at(out.data, "cmt-3-refunds")).toMatchObject({
      status: "vendor_reported_done",
      text: text("新しい文言"),
    });
  });

  it("refuses a verification or reopening dated before the vendor's report (before_reported_done)", () => {
    const data = ok(report(fresh(), "cmt-3-refunds", "2025-09-20")).data;
    for (const p of [
      refused(verify(data, "cmt-3-refunds", "2025-09-19")),
      refused(reopen(data, "cmt-3-refunds", "2025-09-01")),
    ]) {
      expect(p.status).toBe(422);
      expect(p.errors?.[0]).toMatchObject({ code: "before_reported_done", params: { date: "2025-09-20" } });
    }
  });

  it("refuses workflow dates after today (in_future)", () => {
    const p = refused(report(fresh(), "cmt-3-refunds", "2025-10-02"));
    expect(codes(p)).toEqual(["reportedDoneDate:in_future"]);
    const data = ok(report(fresh(), "cmt-3-refunds")).data;
    expect(codes(refused(verify(data, "cmt-3-refunds", "2026-01-01")))).toEqual(["verifiedDate:in_future"]);
    expect(codes(refused(reopen(data, "cmt-3-refunds", "2026-01-01")))).toEqual(["reopenedDate:in_future"]);
  });

  it("refuses unknown owers, incidents, documents and meetings", () => {
    const p = refused(
      edit.createCommitment(
        fresh(),
        newCommitment({
          owedByIds: ["sompo", "acme"],
          incidentIds: ["inc-9"],
          madeInDocumentId: "doc-9",
          madeAtMeetingId: "mtg-9",
        }),
      ),
    );
    expect(codes(p)).toEqual([
      "owedByIds.1:unknown_reference",
      "incidentIds.0:unknown_reference",
      "madeInDocumentId:unknown_reference",
      "madeAtMeetingId:unknown_reference",
    ]);
  });
});

describe("documents", () => {
  it("creates with the next id; a date after today is refused", () => {
    const data = fresh();
    const { version: _v, ...body } = documentBody(data, "doc-5");
    expect(ok(edit.createDocument(data, body, ctx)).result).toBe("doc-6");
    expect(codes(refused(edit.createDocument(data, { ...body, date: "2025-12" }, ctx)))).toEqual([
      "date:in_future",
    ]);
  });

  it("takes every milestone citing it along when outsideRecord changes (and only those incidents)", () => {
    const data = fresh();
    // ctx-rocketboys (outside the record) is the source of one milestone of inc-1 only.
    const out = ok(
      edit.updateDocument(
        data,
        "ctx-rocketboys",
        { ...documentBody(data, "ctx-rocketboys"), outsideRecord: false },
        ctx,
      ),
    );
    expect(out.changes.map((c) => `${c.entityType}:${c.entityId}`)).toEqual([
      "document:ctx-rocketboys",
      "incident:inc-1",
    ]);
    const incident = byId(out.data.incidents, "inc-1");
    expect(incident.version).toBe(2);
    expect(incident.milestones.map((m) => [m.id, m.outsideRecord])).toEqual(
      byId(data.incidents, "inc-1").milestones.map((m) => [
        m.id,
        m.source.documentId === "ctx-rocketboys" ? false : m.outsideRecord,
      ]),
    );
    expect(out.changes[1]?.after).toEqual(incident);
    expect(byId(out.data.incidents, "inc-2")).toBe(byId(data.incidents, "inc-2"));
    expect(byId(out.data.incidents, "inc-3")).toBe(byId(data.incidents, "inc-3"));
    // Every incident citing the notice follows it.
    const notice = ok(
      edit.updateDocument(data, "notice", { ...documentBody(data, "notice"), outsideRecord: true }, ctx),
    );
    expect(notice.changes.map((c) => `${c.entityType}:${c.entityId}`)).toEqual([
      "document:notice",
      "incident:inc-1",
      "incident:inc-2",
      "incident:inc-3",
    ]);
  });

  it("changes no incident when only the wording changes", () => {
    const data = fresh();
    const out = ok(
      edit.updateDocument(data, "notice", { ...documentBody(data, "notice"), title: text("新") }, ctx),
    );
    expect(out.changes.map((c) => c.entityType)).toEqual(["document"]);
  });
});

describe("meetings", () => {
  it("creates with fresh item and resolution ids, not closed", () => {
    const data = fresh();
    const { version: _v, ...body } = meetingBody(data, "mtg-2025-03");
    const out = ok(
      edit.createMeeting(data, {
        ...body,
        number: 4,
        items: body.items.map(({ id: _id, ...x }) => x),
        resolutions: body.resolutions.map(({ id: _id, ...x }) => x),
      }),
    );
    const m = byId(out.data.meetings, "mtg-1");
    expect(m.closed).toBeNull();
    expect(m.items.map((x) => x.id)).toEqual(["item-1", "item-2"]);
    expect(m.resolutions.map((x) => x.id)).toEqual(["res-1", "res-2", "res-3", "res-4"]);
  });

  it("closes a meeting whose day has come, by whom and when; a closed meeting refuses edits", () => {
    const data = fresh();
    const out = ok(edit.closeMeeting(data, "mtg-2025-03", { version: 1 }, ctx));
    const m = byId(out.data.meetings, "mtg-2025-03");
    expect(m.closed).toEqual({ at: "2025-10-01T03:00:00.000Z", byName: "Tester" });
    expect(m.version).toBe(2);
    const update = refused(
      edit.updateMeeting(out.data, "mtg-2025-03", { ...meetingBody(out.data, "mtg-2025-03") }),
    );
    expect(update.status).toBe(409);
    expect(codes(update)).toEqual([":meeting_closed"]);
    expect(update.current).toEqual(m);
    expect(codes(refused(edit.closeMeeting(out.data, "mtg-2025-03", { version: 2 }, ctx)))).toEqual([
      ":meeting_closed",
    ]);
  });

  it("refuses to close a meeting before its day (meeting_in_future)", () => {
    const early = { ...ctx, now: new Date("2025-08-22T03:00:00Z") };
    const p = refused(edit.closeMeeting(fresh(), "mtg-2025-03", { version: 1 }, early));
    expect(p.status).toBe(409);
    expect(codes(p)).toEqual([":meeting_in_future"]);
  });

  it("refuses integers the database cannot hold (too_large) and item ids used twice", () => {
    const data = fresh();
    const body = meetingBody(data, "mtg-2025-03");
    const [item] = body.items as [(typeof body.items)[0]];
    const p = refused(
      edit.updateMeeting(data, "mtg-2025-03", { ...body, number: 2 ** 31, items: [item, item] }),
    );
    expect(codes(p)).toEqual(["number:too_large", "items.1.id:duplicate"]);
  });
});

describe("vendors and services stay linked from both sides", () => {
  it("adding a service to a vendor appends the vendor to the service (a change of its own)", () => {
    const data = fresh();
    const body = vendorBody(data, "partners");
    const out = ok(
      edit.updateVendor(data, "partners", { ...body, serviceIds: ["prod-liability-topup", "prod-medical"] }),
    );
    expect(byId(out.data.services, "prod-medical")).toMatchObject({
      vendorIds: ["sompo", "partners"],
      version: 2,
    });
    expect(out.changes.map((c) => `${c.entityType}:${c.entityId}`)).toEqual([
      "vendor:partners",
      "service:prod-medical",
    ]);
  });

  it("removing a vendor from a service removes the service from the vendor", () => {
    const data = fresh();
    const out = ok(
      edit.updateService(data, "prod-liability-topup", {
        ...serviceBody(data, "prod-liability-topup"),
        vendorIds: ["sompo"],
      }),
    );
    expect(byId(out.data.vendors, "partners")).toMatchObject({ serviceIds: [], version: 2 });
    expect(byId(out.data.vendors, "sompo")).toBe(byId(data.vendors, "sompo"));
    expect(out.changes.map((c) => `${c.entityType}:${c.entityId}`)).toEqual([
      "service:prod-liability-topup",
      "vendor:partners",
    ]);
  });

  it("a new vendor or service joins the lists of those it names", () => {
    const data = fresh();
    const { version: _v, ...vendor } = vendorBody(data, "partners");
    const out = ok(edit.createVendor(data, { ...vendor, serviceIds: ["prod-oyako"] }));
    expect(out.result).toBe("ven-1");
    expect(byId(out.data.services, "prod-oyako").vendorIds).toEqual(["sompo", "ven-1"]);
    const { version: _pv, ...service } = serviceBody(data, "prod-oyako");
    const out2 = ok(edit.createService(data, { ...service, vendorIds: ["partners"] }));
    expect(out2.result).toBe("prd-1");
    expect(byId(out2.data.vendors, "partners").serviceIds).toEqual(["prod-liability-topup", "prd-1"]);
    expect(out2.changes.map((c) => `${c.entityType}:${c.entityId}`)).toEqual([
      "service:prd-1",
      "vendor:partners",
    ]);
  });

  it("refuses unknown and repeated counterparts before linking anything", () => {
    const data = fresh();
    const p = refused(
      edit.updateVendor(data, "partners", {
        ...vendorBody(data, "partners"),
        serviceIds: ["prod-oyako", "prod-oyako", "prod-x"],
      }),
    );
    expect(codes(p)).toEqual(["serviceIds.1:duplicate", "serviceIds.2:unknown_reference"]);
  });
});

it("the case itself is a valid dataset (what every test here starts from)", () => {
  expect(ZDataset.parse(case2025)).toEqual(case2025);
});

it("dates a database calendar cannot hold are refused by the schemas, before any edit runs", async () => {
  const { ZIsoDate, ZPartialDate } = await import("../schemas/common");
  for (const date of ["0000-01-01", "0000-12", "2025-02-30", "2025-13"]) {
    expect(ZPartialDate.safeParse(date).success, date).toBe(false);
  }
  expect(ZIsoDate.safeParse("0000-02-29").success).toBe(false);
  for (const date of ["0001-01-01", "9999-12-31", "2024-02-29", "2025-08"]) {
    expect(ZPartialDate.safeParse(date).success, date).toBe(true);
  }
});
