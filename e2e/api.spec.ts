import { type APIRequestContext, expect, test } from "@playwright/test";
import { SESSION_IDLE_MS } from "@/shared/access";
import { contract } from "@/shared/contract";
import { CSRF_HEADER, type TRole, ZSession } from "@/shared/schemas/auth";
import { ZProblem } from "@/shared/schemas/problem";
import { ZOverview } from "@/shared/schemas/stats";

// Smoke test of the real server over HTTP: built SPA + API + embedded database seeded with the 2025 case.
// Reads need a session: the tests sign in as the users scripts/e2e-server.ts created (E2E_USERS_JSON).

type TUsers = Record<TRole, { username: string; password: string }>;
const users = JSON.parse(process.env.E2E_USERS_JSON ?? "null") as TUsers;

/** Signs the request context in (it keeps the cookie); returns the login answer and the CSRF token. */
const signIn = async (request: APIRequestContext, role: TRole) => {
  const response = await request.post(contract.login.path, { data: users[role] });
  expect(response.status(), `sign-in as ${role}`).toBe(200);
  const session = ZSession.parse(await response.json());
  expect(session.user.role).toBe(role);
  return { response, csrfToken: session.csrfToken };
};

test("GET /api/health answers ok, and names neither the database nor the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
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

test("reads without a session are refused with 401", async ({ request }) => {
  for (const path of [contract.getOverview.path, contract.listIncidents.path, contract.getSession.path]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect(ZProblem.parse(await response.json()).status).toBe(401);
  }
});

test("sign-in sets an HttpOnly, SameSite=Strict session cookie (not Secure on loopback)", async ({
  request,
}) => {
  const { response } = await signIn(request, "viewer");
  const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
  expect(setCookie).toHaveLength(1);
  const attributes = (setCookie[0]?.value ?? "").split(/;\s*/);
  expect(attributes[0]).toMatch(/^bgd_session=[A-Za-z0-9_-]{43}$/);
  expect(attributes).toEqual(
    // As long as an idle session lasts (12 hours); each request that touches the session renews it.
    expect.arrayContaining(["HttpOnly", "SameSite=Strict", "Path=/", `Max-Age=${SESSION_IDLE_MS / 1000}`]),
  );
  expect(attributes).not.toContain("Secure");
  // The token is not in the body: scripts get the CSRF token only.
  expect(await response.text()).not.toContain(attributes[0]?.split("=")[1] as string);
});

test("a wrong password is a 401 problem, and roles limit what a session may do", async ({ request }) => {
  const wrong = await request.post(contract.login.path, {
    data: { username: users.viewer.username, password: "not the password at all" },
  });
  expect(wrong.status()).toBe(401);
  await signIn(request, "viewer");
  expect((await request.get(contract.listUsers.path)).status()).toBe(403);
  const { csrfToken } = await signIn(request, "admin");
  const list = await request.get(contract.listUsers.path);
  expect(list.status()).toBe(200);
  const names = ((await list.json()) as { items: { username: string }[] }).items.map((u) => u.username);
  expect(names).toEqual(expect.arrayContaining(Object.values(users).map((u) => u.username)));
  expect(await list.text()).not.toMatch(/password|scrypt/i);
  // A write without the CSRF token is refused, with it accepted.
  const newUser = {
    username: "e2e-created",
    displayName: "Created",
    role: "viewer",
    // Not naming the user ("created" in it would be refused as too easy to guess).
    password: "a quiet orchard by the river",
  };
  expect((await request.post(contract.createUser.path, { data: newUser })).status()).toBe(403);
  const created = await request.post(contract.createUser.path, {
    data: newUser,
    headers: { [CSRF_HEADER]: csrfToken },
  });
  expect([200, 409]).toContain(created.status()); // 409 on a retried run against the same server
});

test("logout ends the session on the server", async ({ request }) => {
  const { csrfToken } = await signIn(request, "editor");
  expect((await request.get(contract.getSession.path)).status()).toBe(200);
  const cookie = (await request.storageState()).cookies.find((c) => c.name === "bgd_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Strict");
  expect((await request.post(contract.logout.path)).status()).toBe(403);
  const out = await request.post(contract.logout.path, { headers: { [CSRF_HEADER]: csrfToken } });
  expect(out.status()).toBe(200);
  expect(out.headers()["set-cookie"]).toContain("Max-Age=0");
  expect((await request.get(contract.getSession.path)).status()).toBe(401);
  // The old cookie, sent again on purpose, no longer works either: the session is gone server-side.
  const replay = await request.get(contract.getSession.path, {
    headers: { cookie: `bgd_session=${cookie?.value}` },
  });
  expect(replay.status()).toBe(401);
});

test("GET /api/v1/stats/overview gives the figures of the 2025 notice", async ({ request }) => {
  await signIn(request, "viewer");
  const response = await request.get("/api/v1/stats/overview?asOf=2025-09-30");
  expect(response.status()).toBe(200);
  const overview = ZOverview.parse(await response.json());
  expect(overview.asOf).toBe("2025-09-30");
  expect(overview.incidents).toEqual({ total: 3, open: 3 });
  // 46 members (44 + 1 + 1) in the leak, 1,860 over-billed, 3 billed twice; 延べ 1,909.
  const members = (total: { unit: string; populationId: string | null; value: number }[]) =>
    total.map(({ unit, populationId, value }) => [unit, populationId, value]);
  expect(overview.affected.byIncident.map(({ incidentId, totals }) => [incidentId, members(totals)])).toEqual(
    [
      ["inc-1", [["people", "members", 46]]],
      ["inc-2", [["people", "members", 1860]]],
      ["inc-3", [["people", "members", 3]]],
    ],
  );
  expect(members(overview.affected.totals)).toEqual([["people", "members", 1909]]);
  expect(overview.affected.totals[0]?.complete).toBe(true);
  // 200 yen too much × 1,860 = 372,000 yen, all put right; the 3 refunds are not reported as done.
  const purpose = (p: "financial" | "notification") =>
    overview.remediation.find((r) => r.purpose === p && r.populationId === "members");
  expect(purpose("financial")).toMatchObject({
    people: 1863,
    done: 1860,
    notReported: 3,
    owedYen: 372_000,
    doneYen: 372_000,
    peopleWithUnknownAmount: 3,
  });
  // How many apology letters went out is not reported: 46 not reported, never 0 done; and no yen.
  expect(purpose("notification")).toMatchObject({ people: 46, done: 0, notReported: 46, owedYen: 0 });
  expect(overview.latestMeeting).toMatchObject({ id: "mtg-2025-03", date: "2025-08-23" });
});

test("an unknown incident is a 404 problem", async ({ request }) => {
  await signIn(request, "viewer");
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
