import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetMockAuth, signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createApp } from "@/server/app";
import { signedIn } from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { requestJson, type TRequester } from "@/server/test/request";
import type { TAuditEntry } from "@/shared/schemas/audit";
import { CSRF_HEADER } from "@/shared/schemas/auth";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TProblem } from "@/shared/schemas/problem";
import type { TMeetingSnapshot } from "@/shared/schemas/snapshot";
import type { TOverview } from "@/shared/schemas/stats";

/*
 * Closing a meeting freezes what the board was shown: the figures as of the meeting day, taken when it
 * closed, unchanged by any later edit; a closed meeting can be neither closed again nor edited.
 */

const MEETING = "mtg-2025-03";
const MEETING_PATH = `/api/v1/meetings/${MEETING}`;

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const refundEvent = (version: number, date = "2025-09-30") => ({
  version,
  date,
  doneCount: { status: "reported", value: 3, source: { documentId: "notice", cites: [] } },
  note: { ja: "返金完了の報告", en: "Refunds reported complete" },
  source: { documentId: "notice", cites: [] },
  cohortStatus: "completed",
});

/** The meeting as an update body: everything the secretariat may send, at `version`. */
const asUpdate = (meeting: TMeeting, version: number) => {
  const { id: _id, version: _v, closed: _c, ...draft } = meeting;
  return { ...draft, version };
};

describe.each(testEngines)("meeting snapshots on %s", (engine) => {
  let t: TTestDb;
  let editor: TRequester;
  let viewer: TRequester;

  beforeAll(async () => {
    t = await openTestDb({ engine });
    const app = createApp({ db: t.db, staticDir: "/nonexistent" });
    editor = await signedIn(app, t.db, "editor");
    viewer = await signedIn(app, t.db, "viewer");
  }, 60_000);
  afterAll(() => t?.close());

  it("has no snapshot for a meeting that is open or does not exist (404 problem+json)", async () => {
    const open = await requestJson(viewer, `${MEETING_PATH}/snapshot`);
    expect(open.status).toBe(404);
    expect(open.headers.get("content-type")).toContain("application/problem+json");
    expect((open.body as TProblem).detail).toContain("has no snapshot");
    const missing = await requestJson(viewer, "/api/v1/meetings/mtg-nope/snapshot");
    expect(missing.status).toBe(404);
    expect((missing.body as TProblem).detail).toBe('No meeting with id "mtg-nope".');
  });

  it("does not let a viewer close a meeting, and stores nothing", async () => {
    const digest = await dataDigest(t.db);
    const res = await requestJson(viewer, `${MEETING_PATH}/close`, json("POST", { version: 1 }));
    expect(res.status).toBe(403);
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("refuses a stale version and stores nothing", async () => {
    const digest = await dataDigest(t.db);
    const res = await requestJson(editor, `${MEETING_PATH}/close`, json("POST", { version: 7 }));
    expect(res.status).toBe(409);
    expect((res.body as { current: TMeeting }).current.closed).toBeNull();
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("closing freezes the figures: a later progress report changes the overview, not the snapshot", async () => {
    const liveBefore = (await requestJson(viewer, "/api/v1/stats/overview?asOf=2025-08-23&caseStatus=all"))
      .body as TOverview;

    const closed = await requestJson(editor, `${MEETING_PATH}/close`, json("POST", { version: 1 }));
    expect(closed.status, closed.text).toBe(200);
    const meeting = closed.body as TMeeting;
    expect(meeting.closed?.byName).toBe("Test editor");
    expect(meeting.version).toBe(2);

    const first = await requestJson(viewer, `${MEETING_PATH}/snapshot`);
    expect(first.status, first.text).toBe(200);
    const snapshot = first.body as TMeetingSnapshot;
    expect(snapshot.meetingId).toBe(MEETING);
    expect(snapshot.asOf).toBe("2025-08-23");
    expect(snapshot.takenAt).toBe(meeting.closed?.at);
    expect(snapshot.takenByName).toBe("Test editor");
    // The overview the board saw is the one GET /stats/overview gives for the meeting day, over every
    // case that existed that day (closed since or not).
    expect(snapshot.overview).toEqual(liveBefore);
    expect(snapshot.deadlines.asOf).toBe("2025-08-23");
    expect(snapshot.deadlines.withinDays).toBe(14);
    expect(snapshot.record.meetings.find((m) => m.id === MEETING)?.closed).toEqual(meeting.closed);
    const refundCohort = snapshot.record.cohorts.find((c) => c.id === "coh-3-refund");
    expect(refundCohort?.progress).toEqual([]);

    // Reported after the meeting, dated before it (a back-dated report): the record as of the meeting day
    // changes, what the board was shown does not.
    const recorded = await requestJson(
      editor,
      "/api/v1/cohorts/coh-3-refund/progress",
      json("POST", refundEvent(1, "2025-08-20")),
    );
    expect(recorded.status, recorded.text).toBe(200);

    const liveAfter = (await requestJson(viewer, "/api/v1/stats/overview?asOf=2025-08-23&caseStatus=all"))
      .body as TOverview;
    const financial = (o: TOverview) =>
      o.remediation.find((r) => r.purpose === "financial" && r.populationId === "members")?.done ?? 0;
    expect(financial(liveAfter)).toBeGreaterThan(financial(liveBefore));
    expect(liveAfter).not.toEqual(liveBefore);

    const again = await requestJson(viewer, `${MEETING_PATH}/snapshot`);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
  });

  it("logs the closing in the audit trail", async () => {
    const audit = (await requestJson(viewer, `/api/v1/audit?entityType=meeting&entityId=${MEETING}`))
      .body as {
      items: TAuditEntry[];
    };
    expect(audit.items.map((e) => e.action)).toEqual(["closeMeeting"]);
    const [entry] = audit.items as [TAuditEntry];
    expect((entry.before as TMeeting).closed).toBeNull();
    expect((entry.after as TMeeting).closed?.byName).toBe("Test editor");
  });

  it("refuses to close a closed meeting again (409) and stores nothing", async () => {
    const digest = await dataDigest(t.db);
    const res = await requestJson(editor, `${MEETING_PATH}/close`, json("POST", { version: 2 }));
    expect(res.status).toBe(409);
    expect((res.body as TProblem).errors?.[0]?.code).toBe("meeting_closed");
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("refuses to change a closed meeting (409 meeting_closed) and stores nothing", async () => {
    const current = (await requestJson(viewer, MEETING_PATH)).body as TMeeting;
    const digest = await dataDigest(t.db);
    const body = asUpdate({ ...current, title: { ja: "書き換え", en: "Rewritten" } }, current.version);
    const res = await requestJson(editor, MEETING_PATH, json("PUT", body));
    expect(res.status).toBe(409);
    expect((res.body as TProblem).errors?.[0]?.code).toBe("meeting_closed");
    expect((res.body as { current: TMeeting }).current.title.ja).toBe("2025年度第3回定例理事会");
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("keeps the snapshot row append-only in the database", async () => {
    await expect(
      t.db.query("UPDATE meeting_snapshots SET snapshot = '{}'::jsonb WHERE meeting_id = $1", [MEETING]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.query("DELETE FROM meeting_snapshots WHERE meeting_id = $1", [MEETING]),
    ).rejects.toThrow(/append-only/);
    const res = await requestJson(viewer, `${MEETING_PATH}/snapshot`);
    expect(res.status).toBe(200);
  });
});

/** Who closed it and when differ between the two sides (user names, clocks); everything else may not. */
const comparable = (text: string) =>
  text
    .replace(/"(at|takenAt)":"[^"]+"/g, '"$1":"<time>"')
    .replace(/"(byName|takenByName)":"[^"]+"/g, '"$1":"<name>"');

describe.each(testEngines)("meeting snapshots: the mocks answer as the server on %s", (engine) => {
  let t: TTestDb;
  let server: TRequester;
  const mock = setupServer(...createHandlers());
  let csrf = "";
  const mockRequester: TRequester = {
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set(CSRF_HEADER, csrf);
      return fetch(`http://mock.test${path}`, { ...init, headers });
    },
  };

  beforeAll(async () => {
    t = await openTestDb({ engine });
    server = await signedIn(createApp({ db: t.db, staticDir: "/nonexistent" }), t.db, "editor");
    mock.listen({ onUnhandledRequest: "error" });
    resetMockAuth(null);
    csrf = signInMock("editor").csrfToken;
  }, 60_000);
  afterAll(async () => {
    mock.close();
    resetMockAuth(null);
    await t?.close();
  });

  it("closes, freezes and refuses alike, answer for answer", async () => {
    const steps: [string, RequestInit?][] = [
      [`${MEETING_PATH}/snapshot`],
      ["/api/v1/meetings/mtg-nope/snapshot"],
      ["/api/v1/meetings/mtg-nope/close", json("POST", { version: 1 })],
      [`${MEETING_PATH}/close`, json("POST", { version: 3 })],
      [`${MEETING_PATH}/close`, json("POST", { version: 1 })],
      [`${MEETING_PATH}/snapshot`],
      ["/api/v1/cohorts/coh-3-refund/progress", json("POST", refundEvent(1))],
      [`${MEETING_PATH}/snapshot`],
      [`${MEETING_PATH}/close`, json("POST", { version: 2 })],
      [`${MEETING_PATH}/close`, json("POST", {})],
    ];
    for (const [path, init] of steps) {
      const fromServer = await requestJson(server, path, init);
      const fromMock = await requestJson(mockRequester, path, init);
      const what = `${init?.method ?? "GET"} ${path}`;
      expect(fromMock.status, what).toBe(fromServer.status);
      expect(comparable(fromMock.text), what).toBe(comparable(fromServer.text));
    }
  });
});
