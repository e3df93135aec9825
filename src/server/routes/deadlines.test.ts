import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { signedIn } from "@/server/test/auth";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { getOk, requestJson, type TRequester } from "@/server/test/request";
import type { TAuditEntry, TAuditVerification } from "@/shared/schemas/audit";
import type { TDeadline, TDeadlines } from "@/shared/schemas/deadline";
import type { TProblem } from "@/shared/schemas/problem";
import type { TSettings } from "@/shared/schemas/settings";

/*
 * Deadlines and the day-counting setting end to end on each engine: the case's statutory clocks, a change
 * of the setting moving them (admins only, version-checked, audited), and refusals that change nothing.
 */

const put = (body: unknown): RequestInit => ({
  method: "PUT",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const byKey = (d: TDeadlines) => new Map<string, TDeadline>(d.items.map((i) => [i.key, i]));

describe.each(testEngines)("deadlines and settings on %s", (engine) => {
  let t: TTestDb;
  let admin: TRequester;
  let otherAdmin: TRequester;
  let editor: TRequester;
  let viewer: TRequester;

  const settingsAudit = async () =>
    (await getOk<{ items: TAuditEntry[] }>(admin, "/api/v1/audit?entityType=settings&entityId=settings"))
      .items;

  beforeAll(async () => {
    t = await openTestDb({ engine });
    const app = createApp({ db: t.db, staticDir: "/nonexistent" });
    admin = await signedIn(app, t.db, "admin");
    otherAdmin = await signedIn(app, t.db, "admin");
    editor = await signedIn(app, t.db, "editor");
    viewer = await signedIn(app, t.db, "viewer");
  }, 60_000);
  afterAll(() => t?.close());

  it("lists the case's statutory clocks: incident 1's final report due 2025-06-20, not reported", async () => {
    const d = await getOk<TDeadlines>(viewer, "/api/v1/deadlines?asOf=2025-10-01");
    expect(d).toMatchObject({ asOf: "2025-10-01", withinDays: 14, dayCounting: "exclude_first_day" });
    const items = byKey(d);
    expect(items.get("APPI_FINAL:inc-1")).toMatchObject({
      startDate: "2025-04-21",
      dueDate: "2025-06-20",
      state: "not_reported",
      missing: "done_date",
    });
    expect(items.get("APPI_PRELIM:inc-1")).toMatchObject({ dueDate: "2025-04-26", guideline: true });
    expect(items.get("APPI_NOTICE:inc-1")).toMatchObject({ doneDate: "2025-04-25", state: "done_no_due" });
    expect([...items.keys()].filter((k) => /^(APPI|INS)_.*:inc-[23]$/.test(k))).toEqual([]);
    // Nothing the vendor filed is ever shown as met without a date.
    expect(d.items.filter((i) => i.state === "met")).toEqual([]);
  });

  it("narrows to an incident, takes the window and refuses a bad query", async () => {
    const one = await getOk<TDeadlines>(
      viewer,
      "/api/v1/deadlines?asOf=2025-11-10&withinDays=30&incidentId=inc-1",
    );
    expect(one.withinDays).toBe(30);
    expect(one.items.every((i) => i.incidentId === "inc-1")).toBe(true);
    expect(byKey(one).get("BOARD_REPORT:inc-1")).toMatchObject({ dueDate: "2025-11-23", state: "due_soon" });
    expect((await requestJson(viewer, "/api/v1/deadlines?withinDays=0")).status).toBe(400);
    expect((await requestJson(viewer, "/api/v1/deadlines?asOf=2025-02-30")).status).toBe(400);
  });

  it("dates the list today in Tokyo when no date is asked for", async () => {
    const d = await getOk<TDeadlines>(viewer, "/api/v1/deadlines");
    expect(d.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.items.length).toBeGreaterThan(0);
  });

  it("refuses the change to viewers and editors, and changes nothing", async () => {
    for (const who of [viewer, editor]) {
      const res = await requestJson(
        who,
        "/api/v1/settings",
        put({ dayCounting: "include_first_day", version: 1 }),
      );
      expect(res.status).toBe(403);
    }
    expect(await getOk<TSettings>(viewer, "/api/v1/settings")).toEqual({
      dayCounting: "exclude_first_day",
      version: 1,
    });
    expect(await settingsAudit()).toEqual([]);
  });

  it("stores nothing and logs nothing for a change that changes nothing", async () => {
    const res = await requestJson(
      admin,
      "/api/v1/settings",
      put({ dayCounting: "exclude_first_day", version: 1 }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dayCounting: "exclude_first_day", version: 1 });
    expect(await settingsAudit()).toEqual([]);
  });

  it("moves the statutory due dates when an admin counts the first day, and logs who did it", async () => {
    const res = await requestJson(
      admin,
      "/api/v1/settings",
      put({ dayCounting: "include_first_day", version: 1 }),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ dayCounting: "include_first_day", version: 2 });
    expect(await getOk<TSettings>(viewer, "/api/v1/settings")).toEqual(res.body);

    const d = await getOk<TDeadlines>(viewer, "/api/v1/deadlines?asOf=2025-10-01");
    expect(d.dayCounting).toBe("include_first_day");
    const items = byKey(d);
    expect(items.get("APPI_FINAL:inc-1")?.dueDate).toBe("2025-06-19");
    expect(items.get("APPI_PRELIM:inc-1")?.dueDate).toBe("2025-04-25");
    expect(items.get("BOARD_REPORT:inc-1")?.dueDate).toBe("2025-11-22");
    // The vendor's and the regulator's own dates do not move.
    expect(items.get("FSA_PLAN:reg-2025-03-24")?.dueDate).toBe("2025-05-30");

    const audit = await settingsAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "updateSettings",
      entityType: "settings",
      entityId: "settings",
      actor: { username: "test-admin" },
      before: { dayCounting: "exclude_first_day", version: 1 },
      after: { dayCounting: "include_first_day", version: 2 },
    });
    const verified = await getOk<TAuditVerification>(admin, "/api/v1/audit/verify");
    expect(verified.ok).toBe(true);
  });

  it("refuses a stale version with 409 and the current settings, and changes nothing", async () => {
    const res = await requestJson(
      admin,
      "/api/v1/settings",
      put({ dayCounting: "exclude_first_day", version: 1 }),
    );
    expect(res.status).toBe(409);
    expect((res.body as TProblem).current).toEqual({ dayCounting: "include_first_day", version: 2 });
    expect(await getOk<TSettings>(viewer, "/api/v1/settings")).toEqual({
      dayCounting: "include_first_day",
      version: 2,
    });
    expect(await settingsAudit()).toHaveLength(1);
  });

  it("lets exactly one of two admins with the same version through", async () => {
    const [a, b] = await Promise.all([
      requestJson(admin, "/api/v1/settings", put({ dayCounting: "exclude_first_day", version: 2 })),
      requestJson(otherAdmin, "/api/v1/settings", put({ dayCounting: "exclude_first_day", version: 2 })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await getOk<TSettings>(viewer, "/api/v1/settings")).toEqual({
      dayCounting: "exclude_first_day",
      version: 3,
    });
    expect(await settingsAudit()).toHaveLength(2);
    const d = await getOk<TDeadlines>(viewer, "/api/v1/deadlines?asOf=2025-10-01");
    expect(byKey(d).get("APPI_FINAL:inc-1")?.dueDate).toBe("2025-06-20");
  });
});
