import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { signedIn } from "@/server/test/auth";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { getOk, requestJson, type TRequester } from "@/server/test/request";
import { case2025 } from "@/shared/seed/case-2025";
import { APP_VERSION } from "@/shared/version";

// Lists and details from the database must give back the dataset exactly as it was loaded.

type TList<T = unknown> = { items: T[]; total: number; limit: number; offset: number };
const ids = (list: TList) => list.items.map((item) => (item as { id: string }).id);
const AS_OF = "asOf=2025-09-30";

describe.each(testEngines)("resources on %s", (engine) => {
  let t: TTestDb;
  let app: TRequester;
  beforeAll(async () => {
    t = await openTestDb({ engine });
    app = await signedIn(createApp({ db: t.db, log: () => undefined }), t.db, "viewer");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("serves the organisation", async () => {
    expect(await getOk(app, "/api/v1/organisation")).toEqual(case2025.organisation);
  });

  it("lists vendors and services as loaded, and each one by id", async () => {
    expect(await getOk(app, "/api/v1/vendors")).toEqual({
      items: case2025.vendors,
      total: case2025.vendors.length,
      limit: 100,
      offset: 0,
    });
    expect(await getOk(app, "/api/v1/services")).toEqual({
      items: case2025.services,
      total: case2025.services.length,
      limit: 100,
      offset: 0,
    });
    for (const service of case2025.services) {
      expect(await getOk(app, `/api/v1/services/${service.id}`)).toEqual(service);
    }
  });

  it("gives a vendor with its regulatory record, newest first", async () => {
    const sompo = case2025.vendors.find((v) => v.id === "sompo");
    const detail = await getOk<{ regulatoryActions: { id: string }[] }>(app, "/api/v1/vendors/sompo");
    expect(detail).toEqual({
      ...sompo,
      regulatoryActions: [...case2025.regulatoryActions].sort((a, b) => (a.date < b.date ? 1 : -1)),
    });
    expect(detail.regulatoryActions.map((a) => a.id)).toEqual([
      "reg-2025-06-13",
      "reg-2025-03-24",
      "reg-2024-10-31",
      "reg-2024-01-25",
      "reg-2023-12-26",
    ]);
    const partners = await getOk(app, "/api/v1/vendors/partners");
    expect(partners).toEqual({ ...case2025.vendors[1], regulatoryActions: [] });
  });

  it("filters regulatory actions by vendor and date (inclusive), and pages them", async () => {
    expect(ids(await getOk(app, "/api/v1/regulatory-actions?since=2024-10-31"))).toEqual([
      "reg-2025-06-13",
      "reg-2025-03-24",
      "reg-2024-10-31",
    ]);
    expect(await getOk(app, "/api/v1/regulatory-actions?vendorId=partners")).toEqual({
      items: [],
      total: 0,
      limit: 100,
      offset: 0,
    });
    const page = await getOk<TList>(app, "/api/v1/regulatory-actions?limit=2&offset=1");
    expect(ids(page)).toEqual(["reg-2025-03-24", "reg-2024-10-31"]);
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 1 });
    const past = await getOk<TList>(app, "/api/v1/regulatory-actions?offset=50");
    expect(past).toEqual({ items: [], total: 5, limit: 100, offset: 50 });
  });

  it("lists documents with their filters and pages", async () => {
    expect(await getOk(app, "/api/v1/documents")).toEqual({
      items: case2025.documents,
      total: case2025.documents.length,
      limit: 100,
      offset: 0,
    });
    const outside = case2025.documents.filter((d) => d.outsideRecord);
    expect(await getOk(app, "/api/v1/documents?outsideRecord=true")).toMatchObject({
      items: outside,
      total: outside.length,
    });
    expect(ids(await getOk(app, "/api/v1/documents?kind=apology"))).toEqual(["doc-4", "doc-5"]);
    expect(ids(await getOk(app, "/api/v1/documents?kind=press&outsideRecord=false"))).toEqual([]);
    const page = await getOk<TList>(app, "/api/v1/documents?limit=3&offset=2");
    expect(page).toEqual({
      items: case2025.documents.slice(2, 5),
      total: case2025.documents.length,
      limit: 3,
      offset: 2,
    });
  });

  it("gives every document with the records that cite it", async () => {
    for (const doc of case2025.documents) {
      const detail = await getOk<{ citedBy: unknown[] }>(app, `/api/v1/documents/${doc.id}`);
      const { citedBy, ...rest } = detail;
      expect(rest).toEqual(doc);
      expect(Array.isArray(citedBy)).toBe(true);
    }
    const doc4 = await getOk<{ citedBy: { kind: string; id: string; parentId: string | null }[] }>(
      app,
      "/api/v1/documents/doc-4",
    );
    expect(doc4.citedBy.map((c) => [c.kind, c.id, c.parentId])).toEqual([
      ["incident", "inc-2", null],
      ["impact", "scope-2-members", "inc-2"],
      ["milestone", "m2-occurred", "inc-2"],
      ["milestone", "m2-report", "inc-2"],
      ["milestone", "m2-board", "inc-2"],
      ["cohort", "coh-2-failed", "inc-2"],
      ["cohort", "coh-2-corrected", "inc-2"],
      ["cohort", "coh-2-before-close", "inc-2"],
      ["cohort", "coh-2-offset", "inc-2"],
      ["progress", "p2-failed-rebilled", "inc-2"],
      ["progress", "p2-corrected", "inc-2"],
      ["meeting", "mtg-2025-03", null],
    ]);
    const fsa = await getOk<{ citedBy: unknown[] }>(app, "/api/v1/documents/ctx-rocketboys");
    expect(fsa.citedBy).toEqual([
      { kind: "incident", id: "inc-1", parentId: null, label: case2025.incidents[0]?.title },
      // The published count of records, outside the record: an impact entry labelled by its note.
      {
        kind: "impact",
        id: "scope-1-published",
        parentId: "inc-1",
        label: case2025.incidents[0]?.impact.find((e) => e.id === "scope-1-published")?.note,
      },
      {
        kind: "milestone",
        id: "m1-fsa-order",
        parentId: "inc-1",
        label: case2025.incidents[0]?.milestones.find((m) => m.id === "m1-fsa-order")?.note,
      },
      {
        kind: "regulatory_action",
        id: "reg-2025-06-13",
        parentId: "sompo",
        label: case2025.regulatoryActions.find((a) => a.id === "reg-2025-06-13")?.action,
      },
    ]);
  });

  it("lists incident summaries with their affected totals and first dates", async () => {
    const list = await getOk<TList>(app, "/api/v1/incidents");
    expect(list.total).toBe(3);
    expect(list.items).toEqual(
      case2025.incidents.map((i, n) => ({
        id: i.id,
        number: i.number,
        title: i.title,
        category: i.category,
        status: i.status,
        fiscalYear: i.fiscalYear,
        vendorIds: i.vendorIds,
        caseId: "case-2025-insurance",
        chain: i.chain,
        // The members affected, each incident its own total (the press figure outside the record left out).
        affected: [
          {
            unit: "people",
            populationId: "members",
            value: [46, 1860, 3][n],
            complete: true,
            unreportedParts: 0,
            confirmedNone: false,
          },
        ],
        // A month-only date sorts before the days of its month; inc-3 knows only "2025-07".
        firstDate: ["2025-04-17", "2025-07-15", "2025-07"][n],
      })),
    );
    expect(ids(await getOk(app, "/api/v1/incidents?vendorId=partners"))).toEqual(["inc-3"]);
    expect(ids(await getOk(app, "/api/v1/incidents?vendorId=sompo&category=billing_error"))).toEqual([
      "inc-2",
    ]);
    expect(ids(await getOk(app, "/api/v1/incidents?status=closed"))).toEqual([]);
    expect(ids(await getOk(app, "/api/v1/incidents?fiscalYear=2025&limit=1&offset=2"))).toEqual(["inc-3"]);
    expect(await getOk(app, "/api/v1/incidents?fiscalYear=2024")).toEqual({
      items: [],
      total: 0,
      limit: 100,
      offset: 0,
    });
  });

  it("gives every incident exactly as loaded", async () => {
    for (const incident of case2025.incidents) {
      expect(await getOk(app, `/api/v1/incidents/${incident.id}`)).toEqual(incident);
    }
  });

  it("lists cohorts by incident number and gives each one", async () => {
    expect(await getOk(app, "/api/v1/cohorts")).toEqual({
      items: case2025.cohorts,
      total: case2025.cohorts.length,
      limit: 100,
      offset: 0,
    });
    expect(ids(await getOk(app, "/api/v1/cohorts?incidentId=inc-2&status=completed"))).toEqual([
      "coh-2-failed",
      "coh-2-corrected",
      "coh-2-before-close",
      "coh-2-offset",
    ]);
    expect(ids(await getOk(app, "/api/v1/cohorts?status=in_progress"))).toEqual([
      "coh-1-letters",
      "coh-3-refund",
    ]);
    for (const cohort of case2025.cohorts) {
      expect(await getOk(app, `/api/v1/cohorts/${cohort.id}`)).toEqual(cohort);
    }
  });

  it("lists commitments with their overdue state and filters", async () => {
    const views = case2025.commitments.map((c) => ({ ...c, overdue: false }));
    expect(await getOk(app, `/api/v1/commitments?${AS_OF}`)).toEqual({
      items: views,
      total: views.length,
      limit: 100,
      offset: 0,
    });
    expect(ids(await getOk(app, `/api/v1/commitments?vendorId=partners&${AS_OF}`))).toEqual([
      "cmt-3-refunds",
    ]);
    expect(ids(await getOk(app, `/api/v1/commitments?incidentId=inc-2&${AS_OF}`))).toEqual([
      "cmt-board-prevention",
      "cmt-board-trust",
    ]);
    expect(
      ids(await getOk(app, `/api/v1/commitments?kind=vendor_promise&status=in_progress&${AS_OF}`)),
    ).toEqual(["cmt-1-letters", "cmt-3-refunds"]);
    // No commitment of the case has a due date: none is due before anything, none is overdue.
    expect((await getOk<TList>(app, `/api/v1/commitments?dueBefore=2100-01-01&${AS_OF}`)).total).toBe(0);
    expect((await getOk<TList>(app, `/api/v1/commitments?overdue=true&${AS_OF}`)).total).toBe(0);
    expect((await getOk<TList>(app, `/api/v1/commitments?overdue=false&${AS_OF}`)).total).toBe(5);
    for (const view of views) {
      expect(await getOk(app, `/api/v1/commitments/${view.id}?${AS_OF}`)).toEqual(view);
    }
    // Without asOf the reference date is today in Tokyo; the case has no due dates, so still not overdue.
    expect(await getOk(app, "/api/v1/commitments/cmt-1-letters")).toEqual(views[1]);
  });

  it("lists meetings newest first and gives each one", async () => {
    expect(await getOk(app, "/api/v1/meetings")).toEqual({
      items: case2025.meetings,
      total: 1,
      limit: 100,
      offset: 0,
    });
    expect((await getOk<TList>(app, "/api/v1/meetings?fiscalYear=2024")).total).toBe(0);
    expect(await getOk(app, "/api/v1/meetings/mtg-2025-03")).toEqual(case2025.meetings[0]);
  });

  it("answers 404 problems for well-formed ids that match nothing", async () => {
    for (const [path, what] of [
      ["/api/v1/vendors/nobody", "vendor"],
      ["/api/v1/services/prod-x", "service"],
      ["/api/v1/documents/doc-9", "document"],
      ["/api/v1/incidents/inc-999", "incident"],
      ["/api/v1/cohorts/coh-x", "cohort"],
      ["/api/v1/commitments/cmt-x", "commitment"],
      ["/api/v1/meetings/mtg-x", "meeting"],
    ] as const) {
      const { status, headers, body } = await requestJson(app, path);
      expect(status, path).toBe(404);
      expect(headers.get("content-type")).toBe("application/problem+json");
      expect(body).toEqual({
        type: "https://httpstatuses.io/404",
        title: "Not found",
        status: 404,
        detail: `No ${what} with id "${path.split("/").at(-1)}".`,
      });
    }
  });

  it("says only that it answers in /api/health: neither the engine nor the version", async () => {
    const health = await app.request("/api/health");
    expect(health.status).toBe(200);
    const text = await health.text();
    expect(JSON.parse(text)).toEqual({ status: "ok" });
    expect(text).not.toContain(engine);
    expect(text).not.toContain(APP_VERSION);
  });
});
