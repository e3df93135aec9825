import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { signedIn } from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { requestJson, type TRequester } from "@/server/test/request";
import type { TAuditEntry, TAuditVerification } from "@/shared/schemas/audit";
import type { TCohort } from "@/shared/schemas/cohort";
import type { TOverview } from "@/shared/schemas/stats";

/*
 * The write path end to end on each engine: one transaction per write with its audit entries, versions
 * that refuse a stale write with the current record, and refusals that store nothing.
 */

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const refundEvent = (version: number) => ({
  version,
  date: "2025-09-30",
  doneCount: { status: "reported", value: 3, source: { documentId: "notice", cites: [] } },
  note: { ja: "返金完了の報告", en: "Refunds reported complete" },
  source: { documentId: "notice", cites: [] },
  cohortStatus: "completed",
});

describe.each(testEngines)("editing on %s", (engine) => {
  let t: TTestDb;
  let editor: TRequester;
  let admin: TRequester;
  let viewer: TRequester;

  beforeAll(async () => {
    t = await openTestDb({ engine });
    const app = createApp({ db: t.db, staticDir: "/nonexistent" });
    editor = await signedIn(app, t.db, "editor");
    admin = await signedIn(app, t.db, "admin");
    viewer = await signedIn(app, t.db, "viewer");
  }, 60_000);
  afterAll(() => t?.close());

  it("records the refunds as completed: the overview, the cohort and the audit trail show it", async () => {
    const before = await requestJson(viewer, "/api/v1/stats/overview?asOf=2025-10-01");
    const cohort = (await requestJson(viewer, "/api/v1/cohorts/coh-3-refund")).body as TCohort;
    expect(cohort.version).toBe(1);

    const res = await requestJson(
      editor,
      "/api/v1/cohorts/coh-3-refund/progress",
      json("POST", refundEvent(1)),
    );
    expect(res.status, res.text).toBe(200);
    const saved = res.body as TCohort;
    expect(saved.version).toBe(2);
    expect(saved.status).toBe("completed");
    expect(saved.progress).toHaveLength(1);

    const after = await requestJson(viewer, "/api/v1/stats/overview?asOf=2025-10-01");
    expect(after.body).not.toEqual(before.body);
    // The members' money put right: the 3 refunds are done now, none left unreported.
    const financial = (overview: unknown) =>
      (overview as TOverview).remediation.find(
        (r) => r.purpose === "financial" && r.populationId === "members",
      );
    expect(financial(before.body)).toMatchObject({ people: 1863, done: 1860, notReported: 3 });
    expect(financial(after.body)).toMatchObject({ people: 1863, done: 1863, notReported: 0 });

    const audit = (await requestJson(viewer, "/api/v1/audit?entityType=cohort&entityId=coh-3-refund"))
      .body as { items: TAuditEntry[] };
    expect(audit.items).toHaveLength(1);
    const [entry] = audit.items as [TAuditEntry];
    expect(entry.actor.username).toBe("test-editor");
    expect(entry.action).toBe("addProgressEvent");
    expect((entry.before as TCohort).version).toBe(1);
    expect((entry.after as TCohort).version).toBe(2);

    const verified = (await requestJson(admin, "/api/v1/audit/verify")).body as TAuditVerification;
    expect(verified.ok).toBe(true);
    expect(verified.entries).toBe(1);
  });

  it("refuses a stale version with 409 and the current record, and stores nothing", async () => {
    const digest = await dataDigest(t.db);
    const res = await requestJson(
      editor,
      "/api/v1/cohorts/coh-3-refund/progress",
      json("POST", refundEvent(1)),
    );
    expect(res.status).toBe(409);
    expect((res.body as { current: TCohort }).current.version).toBe(2);
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("refuses references to records that do not exist, field by field, and stores nothing", async () => {
    const digest = await dataDigest(t.db);
    const body = { ...refundEvent(2), source: { documentId: "no-such-doc", cites: ["nope"] } };
    const res = await requestJson(editor, "/api/v1/cohorts/coh-3-refund/progress", json("POST", body));
    expect(res.status).toBe(422);
    const fields = (res.body as { errors: { field: string; code: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(["source.documentId", "source.cites.0"]);
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("lets a viewer read but not write", async () => {
    const res = await requestJson(
      viewer,
      "/api/v1/cohorts/coh-3-refund/progress",
      json("POST", refundEvent(2)),
    );
    expect(res.status).toBe(403);
  });
});
