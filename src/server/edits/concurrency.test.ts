import { createApp } from "@/server/app";
import { runEdit } from "@/server/edits/run-edit";
import { as, ensureTestUser, signIn, TEST_PASSWORD } from "@/server/test/auth";
import {
  cohortUpdate,
  commitmentUpdate,
  documentUpdate,
  incidentUpdate,
  meetingUpdate,
  newCommitment,
  serviceUpdate,
  text,
  vendorUpdate,
} from "@/server/test/edit-requests";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { getOk, requestJson, type TRequester } from "@/server/test/request";
import type { TEditContext } from "@/shared/edits/engine";
import * as edit from "@/shared/edits/records";
import type { TAuditEntry, TAuditVerification } from "@/shared/schemas/audit";
import type { TProblem } from "@/shared/schemas/problem";
import type { TVendor } from "@/shared/schemas/vendor";

/*
 * No lost update, on each engine: two editors read the same record at version n and both change it; the
 * first write wins, the second gets 409 with the winner's record, and the winner's record is what is
 * stored — for every entity type that can be updated (and the settings and users, which admins change). The same with the two requests truly in parallel
 * (Promise.all: on PostgreSQL two pooled connections, two transactions at once), and many parallel
 * writers that all succeed without a gap in ids or the audit chain. A write that fails half-way stores
 * nothing of itself (one transaction).
 */

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

type TRecord = Record<string, unknown> & { id: string; version: number };

/** One updatable entity type: where it lives, and a change of it that an editor could make (tag = who). */
type TKind = {
  type: string;
  path: string;
  read: string;
  /** The body that changes the record as read, marked with `tag`. */
  change: (current: TRecord, tag: string) => unknown;
  method?: string;
};

const KINDS: TKind[] = [
  {
    type: "incident",
    path: "/api/v1/incidents/inc-2",
    read: "/api/v1/incidents/inc-2",
    change: (c, tag) => ({ ...incidentUpdate(c as never), summary: text(`概要（${tag}）`) }),
  },
  {
    type: "cohort",
    path: "/api/v1/cohorts/coh-2-offset",
    read: "/api/v1/cohorts/coh-2-offset",
    change: (c, tag) => ({ ...cohortUpdate(c as never), label: text(`相殺（${tag}）`) }),
  },
  {
    type: "cohort (a progress event)",
    path: "/api/v1/cohorts/coh-2-corrected/progress/p2-corrected",
    read: "/api/v1/cohorts/coh-2-corrected",
    change: (c, tag) => {
      const event = (c.progress as { id: string; date: string; doneCount: unknown; source: unknown }[])[0];
      return {
        version: c.version,
        date: event?.date,
        doneCount: event?.doneCount,
        note: text(`訂正（${tag}）`),
        source: event?.source,
      };
    },
  },
  {
    type: "commitment",
    path: "/api/v1/commitments/cmt-board-prevention",
    read: "/api/v1/commitments/cmt-board-prevention",
    change: (c, tag) => ({ ...commitmentUpdate(c as never), text: text(`再発防止（${tag}）`) }),
  },
  {
    type: "commitment (a workflow step)",
    path: "/api/v1/commitments/cmt-1-responsibility/report-done",
    read: "/api/v1/commitments/cmt-1-responsibility",
    method: "POST",
    change: (c, tag) => ({
      version: c.version,
      reportedDoneDate: "2025-09-15",
      evidence: text(`報告（${tag}）`),
    }),
  },
  {
    type: "document",
    path: "/api/v1/documents/doc-3",
    read: "/api/v1/documents/doc-3",
    change: (c, tag) => ({ ...documentUpdate(c as never), title: text(`資料3（${tag}）`) }),
  },
  {
    type: "meeting",
    path: "/api/v1/meetings/mtg-2025-03",
    read: "/api/v1/meetings/mtg-2025-03",
    change: (c, tag) => ({ ...meetingUpdate(c as never), title: text(`理事会（${tag}）`) }),
  },
  {
    type: "vendor",
    path: "/api/v1/vendors/sompo",
    read: "/api/v1/vendors/sompo",
    change: (c, tag) => ({ ...vendorUpdate(c as never), shortName: text(`損保（${tag}）`) }),
  },
  {
    type: "service",
    path: "/api/v1/services/prod-medical",
    read: "/api/v1/services/prod-medical",
    change: (c, tag) => ({ ...serviceUpdate(c as never), name: text(`医療（${tag}）`) }),
  },
];

/** What is stored, as the record's own GET answers it (a commitment's `overdue` and a document's citations left out). */
const stored = async (app: TRequester, path: string) => {
  const { overdue: _o, citedBy: _c, regulatoryActions: _r, ...record } = await getOk<TRecord>(app, path);
  return record;
};
const asStored = (record: Record<string, unknown>) => {
  const { overdue: _o, citedBy: _c, regulatoryActions: _r, ...rest } = record;
  return rest;
};

describe.each(testEngines)("no lost update on %s", (engine) => {
  let t: TTestDb;
  let app: ReturnType<typeof createApp>;
  let ana: TRequester;
  let ben: TRequester;
  let admin: TRequester;

  beforeAll(async () => {
    t = await openTestDb({ engine });
    app = createApp({ db: t.db, staticDir: "/nonexistent" });
    await ensureTestUser(t.db, "editor", "editor-ana");
    await ensureTestUser(t.db, "editor", "editor-ben");
    await ensureTestUser(t.db, "admin");
    await ensureTestUser(t.db, "admin", "admin-bob");
    ana = as(app, await signIn(app, "editor-ana"));
    ben = as(app, await signIn(app, "editor-ben"));
    admin = as(app, await signIn(app, "test-admin"));
  });
  afterAll(async () => {
    await t?.close();
  });

  const auditOf = async (type: string, id: string) =>
    (await getOk<{ items: TAuditEntry[] }>(admin, `/api/v1/audit?entityType=${type}&entityId=${id}`)).items;
  const verify = () => getOk<TAuditVerification>(admin, "/api/v1/audit/verify");

  it.each(KINDS)(
    "$type: the stale editor gets 409 with the winner's record; nothing is overwritten",
    async (kind) => {
      const read = await stored(ana, kind.read);
      const [type] = kind.type.split(" ");
      const historyBefore = await auditOf(type as string, read.id);
      // Both read version n.
      const first = await requestJson(ana, kind.path, json(kind.method ?? "PUT", kind.change(read, "ana")));
      expect(first.status, first.text).toBe(200);
      const winner = asStored(first.body as TRecord);
      expect(winner.version).toBe(read.version + 1);

      const digest = await dataDigest(t.db);
      const second = await requestJson(ben, kind.path, json(kind.method ?? "PUT", kind.change(read, "ben")));
      expect(second.status, second.text).toBe(409);
      const problem = second.body as TProblem;
      expect(problem.errors).toBeUndefined();
      expect(problem.current).toEqual(winner);
      // Ben's change stored nothing, and Ana's stands.
      expect(await dataDigest(t.db)).toBe(digest);
      expect(await stored(ana, kind.read)).toEqual(winner);
      const history = await auditOf(type as string, read.id);
      expect(history).toHaveLength(historyBefore.length + 1);
      expect(history[0]?.actor.username).toBe("editor-ana");
      expect(history[0]?.after).toEqual(winner);

      // Ben re-applies on top of what he was shown: now it goes through.
      const again = await requestJson(
        ben,
        kind.path,
        json(kind.method ?? "PUT", kind.change(problem.current as TRecord, "ben")),
      );
      expect(again.status, again.text).toBe(200);
      expect((again.body as TRecord).version).toBe(read.version + 2);
    },
  );

  it.each(KINDS)("$type: two editors at once (in parallel), exactly one wins", async (kind) => {
    const read = await stored(ana, kind.read);
    const [a, b] = await Promise.all([
      requestJson(ana, kind.path, json(kind.method ?? "PUT", kind.change(read, "ana, parallel"))),
      requestJson(ben, kind.path, json(kind.method ?? "PUT", kind.change(read, "ben, parallel"))),
    ]);
    expect([a.status, b.status].sort(), `${a.text}\n${b.text}`).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const winner = asStored(won.body as TRecord);
    expect(winner.version).toBe(read.version + 1);
    expect((lost.body as TProblem).current).toEqual(winner);
    expect(await stored(ana, kind.read)).toEqual(winner);
  });

  it("settings and users (admins): the stale one gets 409 with the winner's, in turn and in parallel", async () => {
    const ada = as(app, await signIn(app, "test-admin"));
    const bob = as(app, await signIn(app, "admin-bob"));
    type TSettings = { dayCounting: string; version: number };
    const toggle = (s: TSettings) =>
      json("PUT", {
        dayCounting: s.dayCounting === "exclude_first_day" ? "include_first_day" : "exclude_first_day",
        version: s.version,
      });
    const settings = await getOk<TSettings>(ada, "/api/v1/settings");
    const won = await requestJson(ada, "/api/v1/settings", toggle(settings));
    expect(won.status, won.text).toBe(200);
    const lost = await requestJson(bob, "/api/v1/settings", toggle(settings));
    expect(lost.status).toBe(409);
    expect((lost.body as TProblem).current).toEqual(won.body);
    expect(await getOk(ada, "/api/v1/settings")).toEqual(won.body);

    const created = await requestJson(
      ada,
      "/api/v1/users",
      json("POST", {
        username: "target-user",
        displayName: "Target",
        role: "viewer",
        password: TEST_PASSWORD,
      }),
    );
    const user = created.body as TRecord;
    const rename = (by: string, version: number) =>
      json("PATCH", { version, displayName: `Renamed by ${by}` });
    const first = await requestJson(ada, `/api/v1/users/${user.id}`, rename("ada", user.version));
    expect(first.status, first.text).toBe(200);
    const second = await requestJson(bob, `/api/v1/users/${user.id}`, rename("bob", user.version));
    expect(second.status).toBe(409);
    expect((second.body as TProblem).current).toEqual(first.body);

    const now = await getOk<TSettings>(ada, "/api/v1/settings");
    const both = await Promise.all([
      requestJson(ada, "/api/v1/settings", toggle(now)),
      requestJson(bob, "/api/v1/settings", toggle(now)),
      requestJson(ada, `/api/v1/users/${user.id}`, rename("ada", (first.body as TRecord).version)),
      requestJson(bob, `/api/v1/users/${user.id}`, rename("bob", (first.body as TRecord).version)),
    ]);
    expect([both[0]?.status, both[1]?.status].sort()).toEqual([200, 409]);
    expect([both[2]?.status, both[3]?.status].sort()).toEqual([200, 409]);
    expect((await verify()).ok).toBe(true);
  });

  it("many parallel writers: one winner per record, distinct new ids, and an unbroken audit chain", async () => {
    const before = await verify();
    const vendor = await stored(ana, "/api/v1/vendors/partners");
    const writers = [ana, ben, ana, ben, ana, ben];
    const results = await Promise.all([
      // Six updates of one record at the same version…
      ...writers.map((w, i) =>
        requestJson(
          w,
          "/api/v1/vendors/partners",
          json("PUT", { ...vendorUpdate(vendor as never), shortName: text(`代理店 ${i}`) }),
        ),
      ),
      // …and six new commitments, which must not be given the same id.
      ...writers.map((w, i) =>
        requestJson(w, "/api/v1/commitments", json("POST", newCommitment(`parallel ${i}`))),
      ),
    ]);
    const updates = results.slice(0, 6);
    const creates = results.slice(6);
    expect(updates.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(
      creates.map((r) => r.status),
      creates.map((r) => r.text).join("\n"),
    ).toEqual(Array(6).fill(200));
    const ids = creates.map((r) => (r.body as TRecord).id);
    expect(new Set(ids).size).toBe(6);
    const after = await verify();
    expect(after.ok, JSON.stringify(after.problems)).toBe(true);
    // One entry per accepted write: 1 vendor update, 6 creations.
    expect(after.entries).toBe(before.entries + 7);
  });

  it("a write that fails after storing its first record stores nothing of itself (one transaction)", async () => {
    const ctx: TEditContext = {
      now: new Date("2025-10-01T03:00:00Z"),
      actor: { id: "usr-testactor", username: "test-actor", displayName: "Test actor" },
    };
    const digest = await dataDigest(t.db);
    // A vendor that takes on a service: two records change (the vendor, then the service). The answer
    // fails after both are stored and their audit entries appended.
    const partners = vendorUpdate(await getOk<TVendor>(ana, "/api/v1/vendors/partners"));
    await expect(
      runEdit(
        t.db,
        {
          action: "updateVendor",
          ctx,
          edit: (d) =>
            edit.updateVendor(d, "partners", {
              ...partners,
              serviceIds: ["prod-liability-topup", "prod-oyako"],
            }),
        },
        async () => {
          throw new Error("the answer failed");
        },
      ),
    ).rejects.toThrow("the answer failed");
    expect(await dataDigest(t.db)).toBe(digest);

    // The database refuses the second record (an id it cannot hold) after the first was written.
    await expect(
      runEdit(
        t.db,
        {
          action: "updateVendor",
          ctx,
          edit: (d) => {
            const outcome = edit.updateVendor(d, "partners", {
              ...partners,
              shortName: text("途中で失敗"),
            });
            if (!outcome.ok) return outcome;
            const incident = d.incidents[0] as (typeof d.incidents)[number];
            const broken = { ...incident, id: "Not An Id", version: incident.version + 1 };
            return {
              ...outcome,
              data: { ...outcome.data, incidents: [broken, ...d.incidents.slice(1)] },
              changes: [
                ...outcome.changes,
                { entityType: "incident", entityId: broken.id, before: incident, after: broken },
              ],
            };
          },
        },
        async () => "unreachable",
      ),
    ).rejects.toThrow();
    expect(await dataDigest(t.db)).toBe(digest);
    expect((await verify()).ok).toBe(true);
  });
});
