import { expect, test } from "@playwright/test";
import { contract } from "@/shared/contract";
import { ZProblem } from "@/shared/schemas/problem";
import { ZOverview } from "@/shared/schemas/stats";

// Smoke test of the real server over HTTP: built SPA + API + embedded database seeded with the 2025 case.

test("GET /api/health answers ok on the embedded database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "pglite" });
});

test("GET /api/openapi.json documents every endpoint of the contract", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(doc.openapi).toMatch(/^3\.1\./);
  for (const endpoint of Object.values(contract)) {
    const path = endpoint.path.replace(/:(\w+)/g, "{$1}");
    expect(doc.paths[path]?.[endpoint.method.toLowerCase()], `${endpoint.method} ${path}`).toBeDefined();
  }
});

test("GET /api/v1/stats/overview gives the figures of the 2025 notice", async ({ request }) => {
  const response = await request.get("/api/v1/stats/overview?asOf=2025-09-30");
  expect(response.status()).toBe(200);
  const overview = ZOverview.parse(await response.json());
  expect(overview.asOf).toBe("2025-09-30");
  expect(overview.incidents).toEqual({ total: 3, open: 3 });
  // 46 members (44 + 1 + 1) in the leak, 1,860 over-billed, 3 billed twice; 延べ 1,909.
  expect(overview.affected.byIncident.map(({ incidentId, total }) => [incidentId, total])).toEqual([
    ["inc-1", 46],
    ["inc-2", 1860],
    ["inc-3", 3],
  ]);
  expect(overview.affected.cumulativeReported).toBe(1909);
  // 200 yen too much × 1,860 = 372,000 yen, all put right; the 3 refunds are not reported as done.
  expect(overview.remediation.financial).toMatchObject({
    members: 1863,
    done: 1860,
    notReported: 3,
    owedYen: 372_000,
    doneYen: 372_000,
    membersWithUnknownAmount: 3,
  });
  // How many apology letters went out is not reported: 46 not reported, never 0 done.
  expect(overview.remediation.notification).toMatchObject({ members: 46, done: 0, notReported: 46 });
  expect(overview.latestMeeting).toMatchObject({ id: "mtg-2025-03", date: "2025-08-23" });
});

test("an unknown incident is a 404 problem", async ({ request }) => {
  const response = await request.get("/api/v1/incidents/inc-999");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(ZProblem.parse(await response.json()).status).toBe(404);
});

test("client routes are served the SPA's index.html, with its assets", async ({ request }) => {
  const root = await request.get("/");
  expect(root.status()).toBe(200);
  const indexHtml = await root.text();
  expect(indexHtml).toContain('<div id="root"></div>');

  const deepLink = await request.get("/incidents/inc-1");
  expect(deepLink.status()).toBe(200);
  expect(deepLink.headers()["content-type"]).toContain("text/html");
  expect(await deepLink.text()).toBe(indexHtml);

  const script = /<script type="module"[^>]* src="([^"]+)"/.exec(indexHtml)?.[1];
  expect(script, "index.html names its bundle").toMatch(/^\/assets\//);
  const bundle = await request.get(script as string);
  expect(bundle.status()).toBe(200);
  expect(bundle.headers()["content-type"]).toContain("javascript");
});
