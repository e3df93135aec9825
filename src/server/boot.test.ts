import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { scriptSafeJson } from "@/server/boot";
import { seed } from "@/server/db/seed";
import { ensureTestUser, signIn } from "@/server/test/auth";
import { openTestDb, type TTestDb } from "@/server/test/open-test-db";
import { BOOT_ELEMENT_ID, bootKey, type TBootData } from "@/shared/boot-key";
import { contract } from "@/shared/contract";
import { firstScreenRequests } from "@/shared/first-screen";
import { SESSION_COOKIE } from "@/shared/schemas/auth";
import type { TDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * The HTML of a client route carries the signed-in reader's session and the first screen's answers, and
 * nothing of the record for anyone else: signed out, a stale cookie, or another reader's session.
 */

const HOSTILE = '</script><script>alert("x")</script><!-- & \u2028';
const INDEX = `<!doctype html><html lang="ja"><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>`;
const NOW = new Date("2025-11-24T03:00:00Z");

type TBootSession = { user: { username: string; role: string } };
const userOf = (boot: TBootData | null) => (boot?.session as TBootSession | undefined)?.user;

const bootOf = (html: string): TBootData | null => {
  const m = new RegExp(`<script type="application/json" id="${BOOT_ELEMENT_ID}">(.*?)</script>`, "s").exec(
    html,
  );
  return m ? (JSON.parse(m[1] as string) as TBootData) : null;
};

describe("boot data in the HTML", () => {
  let t: TTestDb;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestDb({ seed: false });
    const data = structuredClone(case2025) as TDataset;
    (data.cases[0] as TDataset["cases"][number]).title = { ja: HOSTILE, en: HOSTILE };
    await seed(t.db, data);
    dir = await mkdtemp(join(tmpdir(), "boot-test-"));
    await writeFile(join(dir, "index.html"), INDEX);
    app = createApp({ db: t.db, staticDir: dir, log: () => undefined, clock: () => NOW });
    for (const role of ["viewer", "admin"] as const) {
      await ensureTestUser(t.db, role);
      cookies[role] = (await signIn(app, `test-${role}`)).cookie;
    }
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (path: string, cookie?: string) => {
    const response = await app.request(path, { headers: cookie ? { cookie } : {} });
    return { response, html: await response.text() };
  };

  it("gives a signed-in reader their session and every first-screen answer, never stored", async () => {
    const { response, html } = await get("/?asOf=2025-11-24", cookies.viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("etag")).toBeNull();
    // Data, not code: the CSP is the one every page has.
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const boot = bootOf(html);
    expect(userOf(boot)?.username).toBe("test-viewer");
    const expected = firstScreenRequests("/", new URLSearchParams("asOf=2025-11-24"), NOW).map(bootKey);
    expect(Object.keys(boot?.answers ?? {}).sort()).toEqual([...expected].sort());
    // The same answers the API gives this reader.
    const overview = await app.request("/api/v1/stats/overview?asOf=2025-11-24&caseStatus=open", {
      headers: { cookie: cookies.viewer as string },
    });
    const key = expected.find((k) => k.startsWith("getOverview ")) as string;
    expect(boot?.answers[key]).toEqual(await overview.json());
  });

  it("holds answers the contract reads back unchanged, so the browser can take them as written", async () => {
    const { html } = await get("/?asOf=2025-11-24", cookies.viewer);
    const boot = bootOf(html) as TBootData;
    expect(contract.getSession.response.parse(boot.session)).toEqual(boot.session);
    const requests = firstScreenRequests("/", new URLSearchParams("asOf=2025-11-24"), NOW);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      const answer = boot.answers[bootKey(request)];
      expect(answer, bootKey(request)).toBeDefined();
      expect(contract[request.name].response.parse(answer), bootKey(request)).toEqual(answer);
    }
  });

  it("escapes the data so that no record text can end the script element", async () => {
    const { html } = await get("/", cookies.viewer);
    expect(html).not.toContain(HOSTILE);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain("\u2028");
    expect(JSON.stringify(bootOf(html))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    expect(scriptSafeJson({ a: "</script>&" })).toBe('{"a":"\\u003c/script\\u003e\\u0026"}');
  });

  it("puts nothing of the record in the HTML of a visitor who is not signed in, or whose cookie is stale", async () => {
    for (const cookie of [undefined, `${SESSION_COOKIE}=not-a-session`, "other=1"]) {
      const { response, html } = await get("/", cookie);
      expect(response.status).toBe(200);
      expect(html).toBe(INDEX);
      expect(html).not.toContain(BOOT_ELEMENT_ID);
      expect(response.headers.get("etag")).not.toBeNull();
    }
    const signIn = await get("/signin");
    expect(signIn.html).toBe(INDEX);
  });

  it("reads the session and the record once for all of a page's answers, and each request from the network apart", async () => {
    const sql: string[] = [];
    // The same database, every query seen (its record cache is its own: the first reading reads it all).
    const watched = new Proxy(t.db, {
      get: (target, key) => {
        const value = Reflect.get(target, key, target);
        if (key !== "query") return typeof value === "function" ? value.bind(target) : value;
        return (text: string, params?: unknown[]) => {
          sql.push(text);
          return target.query(text, params);
        };
      },
    });
    const watchedApp = createApp({ db: watched, staticDir: dir, log: () => undefined, clock: () => NOW });
    const count = (pattern: RegExp) => sql.filter((text) => pattern.test(text)).length;
    await watchedApp.request("/", { headers: { cookie: cookies.viewer as string } });
    sql.length = 0;
    const html = await (
      await watchedApp.request("/", { headers: { cookie: cookies.viewer as string } })
    ).text();
    expect(Object.keys(bootOf(html)?.answers ?? {})).toHaveLength(
      firstScreenRequests("/", new URLSearchParams(), NOW).length,
    );
    expect(count(/FROM sessions/)).toBe(1);
    expect(count(/record_head/)).toBe(1);
    // Two requests of the reader's own: each its own lookup and its own reading.
    sql.length = 0;
    for (const path of [contract.getOverview.path, contract.getCommitmentStats.path]) {
      await watchedApp.request(path, { headers: { cookie: cookies.viewer as string } });
    }
    expect(count(/FROM sessions/)).toBe(2);
    expect(count(/record_head/)).toBe(2);
  });

  it("holds only the reader's own session, and no first-screen data on other pages", async () => {
    const viewer = bootOf((await get("/admin/users", cookies.viewer)).html);
    expect(viewer?.answers).toEqual({});
    expect(userOf(viewer)?.role).toBe("viewer");
    const admin = bootOf((await get("/", cookies.admin)).html);
    expect(userOf(admin)?.username).toBe("test-admin");
    expect(JSON.stringify(admin)).not.toContain((await signIn(app, "test-viewer")).csrfToken);
  });
});
