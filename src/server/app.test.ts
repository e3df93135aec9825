import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import fc from "fast-check";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { apiDispatcher, createApp } from "@/server/app";
import { shareAnswer } from "@/server/shared-answers";
import { as, ensureTestUser, signIn } from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { getOk, requestJson, type TRequester } from "@/server/test/request";
import { contract, type TEndpoint } from "@/shared/contract";
import { MAX_BODY_BYTES } from "@/shared/http";
import { ZProblem } from "@/shared/schemas/problem";

// Errors, bad input, the OpenAPI document, static files, headers and compression.

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const BUNDLE = `console.log(${JSON.stringify("x".repeat(4000))});\n`;

describe.each(testEngines)("the app on %s", (engine) => {
  let t: TTestDb;
  /** Signed in as a viewer; `noCsrf` sends the cookie but not the CSRF token. */
  let app: TRequester;
  let noCsrf: TRequester;
  let staticDir: string;
  const logged: string[] = [];
  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), "bgd-static-"));
    await mkdir(join(staticDir, "assets"));
    await writeFile(join(staticDir, "index.html"), INDEX_HTML);
    await writeFile(join(staticDir, "assets", "app-abc123.js"), BUNDLE);
    await writeFile(join(staticDir, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await openTestDb({ engine });
    // A still clock: the session's last-seen time is never rewritten, so data digests stay put.
    const now = new Date("2025-09-30T03:00:00Z");
    const server = createApp({ db: t.db, staticDir, log: (line) => logged.push(line), clock: () => now });
    await ensureTestUser(t.db, "viewer");
    const viewer = await signIn(server, "test-viewer");
    app = as(server, viewer);
    noCsrf = as(server, viewer, false);
  });
  afterAll(async () => {
    await t?.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  const expectProblem = async (path: string, status: number, init?: RequestInit) => {
    const response = await requestJson(app, path, init);
    expect(response.status, `${init?.method ?? "GET"} ${path}`).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = ZProblem.parse(response.body);
    expect(problem.status).toBe(status);
    return { ...response, problem };
  };

  describe("bad input", () => {
    it("answers 400 with one entry per invalid field", async () => {
      const { problem } = await expectProblem("/api/v1/incidents?category=fire&limit=0&fiscalYear=abc", 400);
      expect(problem.errors?.map((e) => [e.in, e.field])).toEqual([
        ["query", "category"],
        ["query", "fiscalYear"],
        ["query", "limit"],
      ]);
      const path = await expectProblem("/api/v1/incidents/INC-1", 400);
      expect(path.problem.errors).toEqual([
        expect.objectContaining({ in: "path", field: "incidentId", code: "invalid_format" }),
      ]);
      await expectProblem("/api/v1/stats/commitments?asOf=2025-02-30", 400);
      await expectProblem("/api/v1/regulatory-actions?since=yesterday", 400);
      await expectProblem("/api/v1/commitments?overdue=yes", 400);
      await expectProblem("/api/v1/meetings?offset=-1", 400);
    });

    it("rejects unknown and repeated query keys", async () => {
      const unknown = await expectProblem("/api/v1/incidents?colour=red", 400);
      expect(unknown.problem.errors).toEqual([
        { in: "query", field: "colour", code: "unknown_field", message: "unknown field: colour" },
      ]);
      // Endpoints without a query accept none either.
      const health = await expectProblem("/api/health?verbose=1", 400);
      expect(health.problem.errors?.[0]?.field).toBe("verbose");
      const repeated = await expectProblem("/api/v1/incidents?status=open&status=closed", 400);
      expect(repeated.problem.errors?.[0]).toMatchObject({ field: "status", code: "repeated" });
    });

    it("survives odd encodings and long queries", async () => {
      await expectProblem("/api/v1/incidents/%ZZ", 400);
      await expectProblem("/api/v1/incidents/%E0%A4%A", 400);
      await expectProblem("/api/v1/incidents/inc-1%00", 400);
      await expectProblem("/api/v1/incidents/%F0%9F%92%A5", 400);
      await expectProblem("/api/v1/incidents?%ZZ=1", 400);
      await expectProblem("/api/v1/incidents?vendorId=%ZZ", 400);
      await expectProblem(`/api/v1/incidents?vendorId=${"a".repeat(3000)}`, 400);
      // An encoded id that decodes to a well-formed one is that id.
      expect(await getOk(app, "/api/v1/incidents/inc%2D1")).toMatchObject({ id: "inc-1" });
    });

    it("answers 404 for unknown /api paths and 405 with Allow for another method", async () => {
      const unknown = await expectProblem("/api/v2/incidents", 404);
      expect(unknown.problem.detail).toBe("No API endpoint at /api/v2/incidents.");
      await expectProblem("/api/", 404);
      await expectProblem("/api", 404);
      await expectProblem("/api/v1/incidents/inc-1/milestones", 404);
      for (const method of ["POST", "PATCH", "DELETE", "OPTIONS"]) {
        const response = await expectProblem("/api/v1/incidents/inc-1", 405, { method });
        expect(response.headers.get("allow")).toBe("GET, PUT");
      }
      const body = await expectProblem("/api/v1/stats/overview", 405, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(body.problem.detail).toBe("This path accepts GET only.");
    });

    it("answers HEAD like GET without a body", async () => {
      const response = await app.request("/api/v1/incidents", { method: "HEAD" });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
    });

    it("never answers 500 nor changes data, whatever the path and query", async () => {
      const before = await dataDigest(t.db);
      const names = Object.keys(contract);
      const segment = fc.oneof(
        fc.constantFrom(
          "inc-1",
          "sompo",
          "doc-4",
          "coh-2-failed",
          "%ZZ",
          "%00",
          "..",
          "%2F",
          "",
          "a".repeat(70),
        ),
        fc.string({ maxLength: 12 }).map(encodeURIComponent),
      );
      const queryPart = fc.tuple(
        fc.constantFrom(
          "limit",
          "offset",
          "asOf",
          "fiscalYear",
          "vendorId",
          "incidentId",
          "kind",
          "status",
          "overdue",
          "x",
          "%ZZ",
        ),
        fc.oneof(
          fc.string({ maxLength: 10 }).map(encodeURIComponent),
          fc.constantFrom("%ZZ", "-1", "2025-02-29", "true", "1e3"),
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          segment,
          fc.array(queryPart, { maxLength: 4 }),
          fc.constantFrom("GET", "GET", "POST", "DELETE"),
          async (name, seg, query, method) => {
            const endpoint: TEndpoint = contract[name as keyof typeof contract];
            const path = endpoint.path.replace(/:([A-Za-z]+)/g, () => seg);
            const qs = query.map(([k, v]) => `${k}=${v}`).join("&");
            // Without the CSRF token: a write that reaches an endpoint is refused before it changes anything.
            const response = await noCsrf.request(`${path}${qs ? `?${qs}` : ""}`, { method });
            await response.arrayBuffer();
            expect(method === "GET" ? [200, 400, 403, 404, 405] : [400, 403, 404, 405, 415]).toContain(
              response.status,
            );
          },
        ),
        { numRuns: 300 },
      );
      expect(logged).toEqual([]);
      expect(await dataDigest(t.db)).toBe(before);
    });
  });

  describe("meta", () => {
    it("serves the OpenAPI document", async () => {
      const doc = await getOk<{ openapi: string; paths: Record<string, unknown> }>(app, "/api/openapi.json");
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(Object.keys(doc.paths)).toContain("/api/v1/incidents/{incidentId}");
    });

    it("sends security headers and no-store on API answers", async () => {
      const response = await app.request("/api/health");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("cache-control")).toBe("no-store");
    });

    it("compresses larger API answers with brotli or gzip, as the client accepts", async () => {
      const plain = await app.request("/api/v1/incidents/inc-1");
      const text = await plain.text();
      expect(plain.headers.get("content-encoding")).toBeNull();
      const br = await app.request("/api/v1/incidents/inc-1", { headers: { "accept-encoding": "gzip, br" } });
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("vary")).toContain("Accept-Encoding");
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text);
      const gz = await app.request("/api/v1/incidents/inc-1", {
        headers: { "accept-encoding": "gzip, br;q=0" },
      });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
      const small = await app.request("/api/health", { headers: { "accept-encoding": "br" } });
      expect(small.headers.get("content-encoding")).toBeNull();
    });
  });

  describe("the SPA", () => {
    it("serves index.html at / and for client routes, never cached", async () => {
      for (const path of ["/", "/incidents/inc-1", "/documents?kind=press", "/vendors/sompo/"]) {
        const response = await app.request(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
        // Never stored: a signed-in reader's copy carries their first screen (src/server/boot.ts).
        expect(response.headers.get("cache-control")).toBe("no-store");
        // This reader is signed in: the page is the built one with their session and first screen added.
        const html = await response.text();
        expect(html.startsWith(INDEX_HTML.replace("</body></html>", ""))).toBe(true);
        const boot = /<script type="application\/json" id="boot">(.*)<\/script><\/body><\/html>$/s.exec(html);
        expect(JSON.parse(boot?.[1] ?? "null")).toMatchObject({ session: { user: { role: "viewer" } } });
      }
      expect((await app.request("/index.html")).headers.get("cache-control")).toBe("no-store");
    });

    it("serves hashed assets for a year, compressed, with ETag revalidation", async () => {
      const response = await app.request("/assets/app-abc123.js", { headers: { "accept-encoding": "br" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-encoding")).toBe("br");
      expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(BUNDLE);
      const etag = response.headers.get("etag") as string;
      const again = await app.request("/assets/app-abc123.js", { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect((await app.request("/favicon.svg")).headers.get("content-type")).toBe("image/svg+xml");
    });

    it("answers 404, not the app, for missing files and paths outside the folder", async () => {
      for (const path of [
        "/assets/missing.js",
        "/robots.txt",
        "/..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd.txt",
      ]) {
        const response = await app.request(path);
        expect(response.status, path).toBe(404);
        expect(await response.text()).not.toContain('<div id="root">');
      }
    });

    it("sends security headers on pages too", async () => {
      const response = await app.request("/");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    });
  });
});

describe("request bodies (a test endpoint that takes one)", () => {
  const echo: TEndpoint = {
    method: "POST",
    path: "/api/test/echo",
    summary: "echo",
    tag: "test",
    body: z.strictObject({ name: z.string().max(10) }),
    response: z.strictObject({ name: z.string() }),
    access: "public",
    errors: [400, 413, 415],
  };
  const broken: TEndpoint = { ...echo, method: "GET", path: "/api/test/broken", body: undefined };
  const throws: TEndpoint = { ...echo, method: "GET", path: "/api/test/throws", body: undefined };
  const logged: string[] = [];
  const app = new Hono();
  const db = { engine: "pglite" } as never;
  app.all(
    "/api/*",
    apiDispatcher(
      [
        { name: "echo", endpoint: echo, handler: (async ({ body }: { body: unknown }) => body) as never },
        { name: "broken", endpoint: broken, handler: (async () => ({ name: 42 })) as never },
        {
          name: "throws",
          endpoint: throws,
          handler: (async () => {
            throw new Error("secret detail");
          }) as never,
        },
      ],
      { db, version: "test", log: (line) => logged.push(line) },
    ),
  );
  const post = (body: BodyInit, type = "application/json") =>
    requestJson(app, "/api/test/echo", { method: "POST", headers: { "content-type": type }, body });

  it("accepts a valid JSON body", async () => {
    expect(await post('{"name":"a"}')).toMatchObject({ status: 200, body: { name: "a" } });
    expect(await post('{"name":"a"}', "application/json; charset=utf-8")).toMatchObject({ status: 200 });
  });

  it("answers 415 for a body that is not JSON", async () => {
    expect((await post("name=a", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post('{"name":"a"}', "text/plain")).status).toBe(415);
  });

  it("answers 400 for malformed JSON and for invalid fields", async () => {
    const malformed = await post('{"name":');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ detail: "The request body is not valid JSON." });
    const invalid = await post('{"name":"far too long a name","x":1}');
    expect(invalid.status).toBe(400);
    expect(
      (invalid.body as { errors: { in: string; field: string }[] }).errors.map((e) => [e.in, e.field]),
    ).toEqual([
      ["body", "name"],
      ["body", "x"],
    ]);
  });

  it("answers 413 for bodies over the limit, declared or streamed", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await requestJson(app, "/api/test/echo", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("turns a response that breaks the contract or a thrown error into a logged 500 without details", async () => {
    for (const path of ["/api/test/broken", "/api/test/throws"]) {
      const response = await requestJson(app, path);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        type: "https://httpstatuses.io/500",
        title: "Internal server error",
        status: 500,
        detail: "The server could not answer this request.",
      });
      expect(response.text).not.toContain("secret");
    }
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain("breaks the contract");
    expect(logged[1]).toContain("secret detail");
  });
});

describe("shared answers (the read cache's: checked, serialised and compressed once)", () => {
  const ZList = z.strictObject({ items: z.array(z.number()) });
  let checks = 0;
  // Counts how often the dispatcher checks an answer against the contract.
  const counted = ZList.superRefine(() => {
    checks += 1;
  });
  const endpoint = (path: string): TEndpoint => ({
    method: "GET",
    path,
    summary: path,
    tag: "test",
    response: counted,
    access: "public",
    errors: [],
  });
  const sharedList = shareAnswer({ items: Array.from({ length: 2000 }, (_, i) => i) });
  const sharedBroken = shareAnswer({ items: ["not a number"] });
  const logged: string[] = [];
  const app = new Hono();
  app.all(
    "/api/*",
    apiDispatcher(
      [
        {
          name: "shared",
          endpoint: endpoint("/api/test/shared"),
          handler: (async () => sharedList) as never,
        },
        {
          name: "fresh",
          endpoint: endpoint("/api/test/fresh"),
          handler: (async () => ({ items: [1, 2, 3] })) as never,
        },
        {
          name: "broken",
          endpoint: endpoint("/api/test/broken"),
          handler: (async () => sharedBroken) as never,
        },
      ],
      { db: { engine: "pglite" } as never, version: "test", log: (line) => logged.push(line) },
    ),
  );

  it("checks a shared answer against the contract once, however many requests it serves", async () => {
    checks = 0;
    const bodies = [];
    for (let i = 0; i < 3; i++) {
      const response = await app.request("/api/test/shared");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json");
      bodies.push(await response.text());
    }
    expect(checks).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] as string)).toEqual(sharedList);
  });

  it("checks any other answer on every request", async () => {
    checks = 0;
    for (let i = 0; i < 3; i++) expect((await app.request("/api/test/fresh")).status).toBe(200);
    expect(checks).toBe(3);
  });

  it("sends a shared answer compressed as the client accepts, the same JSON once decompressed", async () => {
    const text = JSON.stringify(sharedList);
    for (let i = 0; i < 2; i++) {
      const br = await app.request("/api/test/shared", { headers: { "accept-encoding": "gzip, br" } });
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("vary")).toContain("Accept-Encoding");
      const bytes = Buffer.from(await br.arrayBuffer());
      expect(br.headers.get("content-length")).toBe(String(bytes.byteLength));
      expect(brotliDecompressSync(bytes).toString()).toBe(text);
      const gz = await app.request("/api/test/shared", { headers: { "accept-encoding": "gzip, br;q=0" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
    }
    const plain = await app.request("/api/test/shared", { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(text);
  });

  it("never keeps a shared answer that breaks the contract: a logged 500 every time", async () => {
    logged.length = 0;
    for (let i = 0; i < 2; i++) expect((await app.request("/api/test/broken")).status).toBe(500);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain("breaks the contract");
  });
});
