import { createHash } from "node:crypto";
import { createApp } from "@/server/app";
import { SCRYPT_PARAMS } from "@/server/auth/passwords";
import { updateUser } from "@/server/repository/users";
import {
  as,
  cheapHash,
  ensureCheapUser,
  ensureTestUser,
  signIn,
  TEST_PASSWORD,
  type TSignedIn,
  withSession,
} from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { queryAs } from "@/server/test/query-as";
import { requestJson, type TRequester } from "@/server/test/request";
import {
  FREE_ATTEMPTS_PER_PAIR,
  LOGIN_WINDOW_MS,
  MAX_ATTEMPTS_PER_ACCOUNT,
  MAX_ATTEMPTS_PER_ADDRESS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from "@/shared/access";
import { contract } from "@/shared/contract";
import { CSRF_HEADER, type TUser } from "@/shared/schemas/auth";

/*
 * Sign-in on the real server beyond what the contract suite compares with the mocks: the cookie's
 * attributes, what the database stores (token hashes, scrypt strings and their rehashing), sessions
 * shared by two instances, throttling by account and address, by account and by address, a disabled
 * user's live session, one's own password change, concurrent demotions of the last admins. The clock is
 * injected and moved; nothing sleeps. Accounts that take many wrong passwords store a cheap hash
 * (cheapHash): each wrong guess costs what the stored hash costs, and the rule under test is the count.
 */

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const patchJson = (body: unknown): RequestInit => ({ ...json(body), method: "PATCH" });
const loginBody = (username: string, password = TEST_PASSWORD) => ({ username, password });

describe.each(testEngines)("sign-in on %s", (engine) => {
  let t: TTestDb;
  let clock: Date;
  let address = "198.51.100.7";
  let app: ReturnType<typeof createApp>;
  let admin: TSignedIn;
  let adminApp: TRequester;

  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const user = async (username: string) => {
    const list = await requestJson(adminApp, `${contract.listUsers.path}?limit=500`);
    return (list.body as { items: TUser[] }).items.find((u) => u.username === username) as TUser;
  };

  beforeAll(async () => {
    t = await openTestDb({ engine });
    clock = new Date("2025-09-30T03:00:00Z");
    app = createApp({
      db: t.db,
      staticDir: "/nonexistent",
      log: (m) => {
        throw new Error(`server fault: ${m}`);
      },
      clock: () => clock,
      clientAddress: () => address,
    });
    for (const role of ["viewer", "editor", "admin"] as const) await ensureTestUser(t.db, role);
    admin = await signIn(app, "test-admin");
    adminApp = as(app, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("the session cookie", () => {
    it("is HttpOnly, SameSite=Strict, Path=/, lives as long as an idle session, and is not Secure on loopback", async () => {
      const { setCookie, session } = await signIn(app, "test-viewer");
      expect(setCookie).toMatch(/^bgd_session=[A-Za-z0-9_-]{43}; /);
      const attributes = setCookie.split("; ").slice(1);
      expect(attributes.sort()).toEqual(["HttpOnly", "Max-Age=43200", "Path=/", "SameSite=Strict"].sort());
      expect(SESSION_IDLE_MS / 1000).toBe(43200);
      // expiresAt: the idle limit comes first for a fresh session.
      expect(session.expiresAt).toBe(new Date(clock.getTime() + SESSION_IDLE_MS).toISOString());
    });

    it("is renewed when the session is touched, never past the session's absolute end", async () => {
      const viewer = await signIn(app, "test-viewer");
      const maxAge = async () => {
        const res = await app.request(contract.getSession.path, withSession(viewer));
        expect(res.status).toBe(200);
        const set = res.headers.get("set-cookie");
        if (set === null) return null;
        expect(set.split(";")[0]).toBe(viewer.cookie);
        return Number(/Max-Age=(\d+)/.exec(set)?.[1]);
      };
      // Within the minute after the last touch nothing is written, so nothing is renewed.
      advance(30_000);
      let elapsed = 30_000;
      expect(await maxAge()).toBeNull();
      const step = SESSION_IDLE_MS / 2;
      while (SESSION_ABSOLUTE_MS - (elapsed + step) >= SESSION_IDLE_MS) {
        advance(step);
        elapsed += step;
        expect(await maxAge()).toBe(SESSION_IDLE_MS / 1000);
      }
      // Less than an idle limit before the absolute end: the cookie lives only as long as what is left.
      advance(SESSION_ABSOLUTE_MS - elapsed - SESSION_IDLE_MS / 2);
      expect(await maxAge()).toBe(SESSION_IDLE_MS / 2 / 1000);
      // A week has passed: the administrator's session of the other tests has ended; sign in again.
      admin = await signIn(app, "test-admin");
      adminApp = as(app, admin);
      expect(SESSION_ABSOLUTE_MS / 1000).toBe(604800);
    });

    it("is Secure on any other host, and as COOKIE_SECURE says when set", async () => {
      const remote = await app.request(
        `http://dashboard.example${contract.login.path}`,
        json(loginBody("test-viewer"), { origin: "http://dashboard.example" }),
      );
      expect(remote.status).toBe(200);
      expect(remote.headers.get("set-cookie")).toMatch(/; Secure$/);
      for (const [cookieSecure, url, secure] of [
        [true, `http://127.0.0.1${contract.login.path}`, true],
        [false, `https://dashboard.example${contract.login.path}`, false],
      ] as const) {
        const forced = createApp({ db: t.db, log: () => undefined, clock: () => clock, cookieSecure });
        const res = await forced.request(url, json(loginBody("test-viewer")));
        expect(res.status).toBe(200);
        expect(/; Secure/.test(res.headers.get("set-cookie") ?? "")).toBe(secure);
      }
    });

    it("stores only the sha256 of the token, and logout deletes the row and clears the cookie", async () => {
      const viewer = await signIn(app, "test-viewer");
      const token = viewer.cookie.split("=")[1] as string;
      const id = createHash("sha256").update(token).digest("hex");
      const rows = await queryAs<{ id: string }>(t.db, "SELECT id FROM sessions");
      expect(rows.map((r) => r.id)).toContain(id);
      expect(JSON.stringify(rows)).not.toContain(token);
      const out = await app.request(contract.logout.path, withSession(viewer, { method: "POST" }));
      expect(out.status).toBe(200);
      expect(out.headers.get("set-cookie")).toBe(
        "bgd_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0",
      );
      expect(await t.db.query("SELECT 1 FROM sessions WHERE id = $1", [id])).toEqual([]);
      // The old cookie, replayed: 401, and told to clear it.
      const replay = await app.request(contract.getSession.path, withSession(viewer));
      expect(replay.status).toBe(401);
      expect(replay.headers.get("set-cookie")).toContain("Max-Age=0");
    });
  });

  it("is shared by every server instance over the same database", async () => {
    const viewer = await signIn(app, "test-viewer");
    const other = createApp({ db: t.db, log: () => undefined, clock: () => clock });
    expect((await other.request(contract.getSession.path, withSession(viewer))).status).toBe(200);
    await other.request(contract.logout.path, withSession(viewer, { method: "POST" }));
    expect((await app.request(contract.getSession.path, withSession(viewer))).status).toBe(401);
  });

  it("never returns password hashes; they are scrypt strings in the database", async () => {
    const created = await requestJson(
      adminApp,
      contract.createUser.path,
      json({ username: "hash-check", displayName: "H", role: "viewer", password: "hash check passphrase" }),
    );
    expect(created.status).toBe(200);
    const changed = await requestJson(
      adminApp,
      contract.updateUser.path.replace(":userId", (created.body as TUser).id),
      patchJson({ version: 1, password: "another check passphrase" }),
    );
    const session = await requestJson(adminApp, contract.getSession.path);
    const list = await requestJson(adminApp, `${contract.listUsers.path}?limit=500`);
    const rows = await queryAs<{ password_hash: string }>(t.db, "SELECT password_hash FROM users");
    expect(rows.length).toBeGreaterThan(3);
    expect(SCRYPT_PARAMS).toMatchObject({ ln: 17, r: 8, p: 1 });
    for (const row of rows) expect(row.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[^$]+\$[^$]+$/);
    for (const answer of [created, changed, session, list]) {
      expect(answer.text).not.toMatch(/password|scrypt/i);
      for (const row of rows) expect(answer.text).not.toContain(row.password_hash.split("$")[4]);
    }
  });

  it("replaces a hash of a lower cost at the next successful sign-in, and not after a wrong password", async () => {
    const old = cheapHash(TEST_PASSWORD);
    await ensureCheapUser(t.db, "viewer", "old-hash");
    await t.db.query("UPDATE users SET password_hash = $2 WHERE username = $1", ["old-hash", old]);
    const stored = async () =>
      (
        await queryAs<{ password_hash: string }>(
          t.db,
          "SELECT password_hash FROM users WHERE username = $1",
          ["old-hash"],
        )
      )[0]?.password_hash;
    address = "198.51.100.31";
    expect((await requestJson(app, contract.login.path, json(loginBody("old-hash", "wrong")))).status).toBe(
      401,
    );
    expect(await stored()).toBe(old);
    await signIn(app, "old-hash");
    const rehashed = await stored();
    expect(rehashed).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    // The same password still signs in, now against the new hash (which is kept).
    await signIn(app, "old-hash");
    expect(await stored()).toBe(rehashed);
    address = "198.51.100.7";
  });

  describe("CSRF", () => {
    it("refuses a write without the session's token, or with another session's, and changes nothing", async () => {
      const other = await signIn(app, "test-admin");
      const target = await user("test-viewer");
      const before = await dataDigest(t.db);
      const path = contract.updateUser.path.replace(":userId", target.id);
      const change = patchJson({ version: target.version, displayName: "Changed" });
      const attempts: Record<string, string>[] = [
        { cookie: admin.cookie },
        { cookie: admin.cookie, [CSRF_HEADER]: "" },
        { cookie: admin.cookie, [CSRF_HEADER]: other.csrfToken },
        { cookie: admin.cookie, [CSRF_HEADER]: `${admin.csrfToken}x` },
        { cookie: admin.cookie, [CSRF_HEADER]: admin.csrfToken.slice(1) },
      ];
      for (const headers of attempts) {
        const res = await requestJson(app, path, { ...change, headers: { ...change.headers, ...headers } });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ detail: expect.stringContaining(CSRF_HEADER) });
        const create = await requestJson(app, contract.createUser.path, {
          ...json({
            username: "csrf-victim",
            displayName: "V",
            role: "admin",
            password: "csrf victim passphrase",
          }),
          headers: { "content-type": "application/json", ...headers },
        });
        expect(create.status).toBe(403);
      }
      expect(await dataDigest(t.db)).toBe(before);
      expect((await requestJson(adminApp, path, change)).status).toBe(200);
    });

    it("refuses a write from another origin even with the right token; trusts X-Forwarded-Host only behind a proxy", async () => {
      const evil = await requestJson(adminApp, contract.logout.path, {
        method: "POST",
        headers: { origin: "http://localhost.evil.example" },
      });
      expect(evil.status).toBe(403);
      const proxied = { origin: "https://board.example", "x-forwarded-host": "board.example" };
      const direct = await requestJson(adminApp, contract.getSession.path, { headers: proxied });
      expect(direct.status).toBe(200); // reads are not refused for their origin
      const untrusted = await requestJson(adminApp, contract.createUser.path, {
        ...json({
          username: "via-proxy",
          displayName: "P",
          role: "viewer",
          password: "via proxy passphrase",
        }),
        headers: { "content-type": "application/json", ...proxied },
      });
      expect(untrusted.status).toBe(403);
      const behindProxy = as(
        createApp({ db: t.db, log: () => undefined, clock: () => clock, trustProxy: true }),
        admin,
      );
      const trusted = await requestJson(behindProxy, contract.createUser.path, {
        ...json({
          username: "via-proxy",
          displayName: "P",
          role: "viewer",
          password: "via proxy passphrase",
        }),
        headers: { "content-type": "application/json", ...proxied },
      });
      expect(trusted.status).toBe(200);
    });
  });

  describe("throttling", () => {
    afterEach(() => {
      advance(LOGIN_WINDOW_MS);
      address = "198.51.100.7";
    });

    const attempt = async (username: string, password = TEST_PASSWORD) => {
      const res = await requestJson(app, contract.login.path, json(loginBody(username, password)));
      return { status: res.status, retryAfter: res.headers.get("retry-after") };
    };

    it("lets one address try an account five times at once, then doubles the wait with each attempt; the owner elsewhere is not slowed", async () => {
      await ensureCheapUser(t.db, "editor", "pair-target");
      address = "203.0.113.1";
      for (let i = 0; i < FREE_ATTEMPTS_PER_PAIR; i++) {
        expect(await attempt("pair-target", "wrong")).toEqual({ status: 401, retryAfter: null });
      }
      // Even the right password waits; the wait doubles with each further failure: 1 s, 2 s, 4 s, 8 s.
      const waits: string[] = [];
      for (let i = 0; i < 4; i++) {
        const refused = await attempt("pair-target");
        expect(refused.status).toBe(429);
        waits.push(refused.retryAfter ?? "");
        advance(Number(refused.retryAfter) * 1000 - 1);
        expect((await attempt("pair-target")).status, "a millisecond too early").toBe(429);
        advance(1);
        expect((await attempt("pair-target", "wrong")).status).toBe(401);
      }
      expect(waits).toEqual(["1", "2", "4", "8"]);
      // The owner, from another address, signs in at once; the guesser's address still waits.
      address = "198.51.100.20";
      expect((await attempt("pair-target")).status).toBe(200);
      address = "203.0.113.1";
      expect(await attempt("pair-target")).toEqual({ status: 429, retryAfter: "16" });
      // Another account from the guesser's address is not slowed either.
      expect((await attempt("test-viewer")).status).toBe(200);
      // Once the wait is over, the right password goes through and forgives the pair's failures.
      advance(16_000);
      expect((await attempt("pair-target")).status).toBe(200);
      for (let i = 0; i < FREE_ATTEMPTS_PER_PAIR; i++) {
        expect((await attempt("pair-target", "wrong")).status).toBe(401);
      }
      expect(await attempt("pair-target")).toEqual({ status: 429, retryAfter: "1" });
    });

    it("counts attempts at one account over all addresses, except for the last active administrator", async () => {
      await ensureCheapUser(t.db, "editor", "spread-target");
      for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) {
        address = `203.0.113.${100 + i}`;
        expect((await attempt("spread-target", "wrong")).status).toBe(401);
      }
      address = "198.51.100.21";
      expect(await attempt("spread-target")).toEqual({
        status: 429,
        retryAfter: String(LOGIN_WINDOW_MS / 1000),
      });
      // Other accounts from the same address are not affected.
      expect((await attempt("test-viewer")).status).toBe(200);
      advance(LOGIN_WINDOW_MS - 1000);
      expect((await attempt("spread-target")).status).toBe(429);
      advance(1000);
      expect((await attempt("spread-target")).status).toBe(200);

      // The last active administrator is never locked out of the account as a whole (only per address).
      const admins = await queryAs<{ username: string }>(
        t.db,
        "SELECT username FROM users WHERE role = 'admin' AND NOT disabled",
      );
      expect(admins.map((a) => a.username)).toEqual(["test-admin"]);
      await t.db.query("UPDATE users SET password_hash = $2 WHERE username = $1", [
        "test-admin",
        cheapHash(TEST_PASSWORD),
      ]);
      for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) {
        address = `203.0.113.${100 + i}`;
        expect((await attempt("test-admin", "wrong")).status).toBe(401);
      }
      address = "198.51.100.22";
      expect((await attempt("test-admin")).status).toBe(200);
    });

    it("counts attempts from one address over all accounts; other addresses are not affected", async () => {
      const accounts = MAX_ATTEMPTS_PER_ADDRESS / FREE_ATTEMPTS_PER_PAIR;
      for (let i = 0; i < accounts; i++) await ensureCheapUser(t.db, "viewer", `many-${i}`);
      address = "192.0.2.1";
      for (let i = 0; i < accounts; i++) {
        for (let j = 0; j < FREE_ATTEMPTS_PER_PAIR; j++) {
          expect((await attempt(`many-${i}`, "wrong")).status).toBe(401);
        }
      }
      expect(await attempt("test-viewer")).toEqual({
        status: 429,
        retryAfter: String(LOGIN_WINDOW_MS / 1000),
      });
      // Unknown usernames count too (they cost the same check), and are refused alike.
      expect((await attempt("nobody-here", "wrong")).status).toBe(429);
      address = "192.0.2.2";
      expect((await attempt("test-viewer")).status).toBe(200);
      expect((await attempt("many-0")).status).toBe(200);
    });

    it("records failures in the database and prunes them once they are out of the window", async () => {
      address = "192.0.2.9";
      await requestJson(app, contract.login.path, json(loginBody("test-viewer", "wrong")));
      expect(await t.db.query("SELECT 1 FROM login_attempts WHERE address = $1", [address])).toHaveLength(1);
      advance(LOGIN_WINDOW_MS);
      await requestJson(app, contract.login.path, json(loginBody("test-viewer")));
      expect(await t.db.query("SELECT 1 FROM login_attempts WHERE address = $1", [address])).toEqual([]);
    });

    it("takes the client's address from the last X-Forwarded-For entry only behind a trusted proxy", async () => {
      const proxied = createApp({ db: t.db, log: () => undefined, clock: () => clock, trustProxy: true });
      await proxied.request(
        contract.login.path,
        json(loginBody("test-viewer", "wrong"), { "x-forwarded-for": "10.9.9.9, 192.0.2.77" }),
      );
      await app.request(
        contract.login.path,
        json(loginBody("test-viewer", "wrong"), { "x-forwarded-for": "192.0.2.78" }),
      );
      const rows = await queryAs<{ address: string }>(
        t.db,
        "SELECT address FROM login_attempts WHERE address LIKE '192.0.2.7%' OR address = $1",
        [address],
      );
      expect(rows.map((r) => r.address).sort()).toEqual(["192.0.2.77", address].sort());
      await app.request(contract.login.path, json(loginBody("test-viewer")));
    });
  });

  describe("sessions end", () => {
    it("after 12 hours without a request, sliding with each request", async () => {
      const viewer = await signIn(app, "test-viewer");
      for (let i = 0; i < 3; i++) {
        advance(SESSION_IDLE_MS - 60_000);
        expect((await app.request(contract.getSession.path, withSession(viewer))).status).toBe(200);
      }
      advance(SESSION_IDLE_MS);
      expect((await app.request(contract.getSession.path, withSession(viewer))).status).toBe(401);
    });

    it("7 days after sign-in however active, and the expired row is deleted", async () => {
      const viewer = await signIn(app, "test-viewer");
      const id = createHash("sha256")
        .update(viewer.cookie.split("=")[1] as string)
        .digest("hex");
      let elapsed = 0;
      while (elapsed + SESSION_IDLE_MS / 2 < SESSION_ABSOLUTE_MS) {
        advance(SESSION_IDLE_MS / 2);
        elapsed += SESSION_IDLE_MS / 2;
        const res = await requestJson(app, contract.getSession.path, withSession(viewer));
        expect(res.status).toBe(200);
        expect((res.body as { expiresAt: string }).expiresAt).toBe(
          new Date(
            Math.min(clock.getTime() + SESSION_IDLE_MS, clock.getTime() - elapsed + SESSION_ABSOLUTE_MS),
          ).toISOString(),
        );
      }
      advance(SESSION_ABSOLUTE_MS - elapsed);
      expect((await app.request(contract.getSession.path, withSession(viewer))).status).toBe(401);
      expect(await t.db.query("SELECT 1 FROM sessions WHERE id = $1", [id])).toEqual([]);
      admin = await signIn(app, "test-admin");
      adminApp = as(app, admin);
    });

    it("when the user is disabled (at once, for every session), and sign-in is refused", async () => {
      await ensureTestUser(t.db, "editor", "soon-disabled");
      const first = await signIn(app, "soon-disabled");
      const second = await signIn(app, "soon-disabled");
      const target = await user("soon-disabled");
      const res = await requestJson(
        adminApp,
        contract.updateUser.path.replace(":userId", target.id),
        patchJson({ version: target.version, disabled: true }),
      );
      expect(res.status).toBe(200);
      for (const who of [first, second]) {
        expect((await app.request(contract.getSession.path, withSession(who))).status).toBe(401);
      }
      expect(
        await t.db.query(
          "SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'soon-disabled'",
        ),
      ).toEqual([]);
      expect((await requestJson(app, contract.login.path, json(loginBody("soon-disabled")))).status).toBe(
        401,
      );
    });

    it("for the user's other sessions when they change their own password; this one stays", async () => {
      await ensureTestUser(t.db, "viewer", "self-changer");
      const elsewhere = await signIn(app, "self-changer");
      const here = await signIn(app, "self-changer");
      const other = await signIn(app, "test-viewer");
      const before = await user("self-changer");
      const changed = await requestJson(
        as(app, here),
        contract.changeOwnPassword.path,
        json({ currentPassword: TEST_PASSWORD, newPassword: "a quite different passphrase" }),
      );
      expect(changed.status, changed.text).toBe(200);
      expect((await app.request(contract.getSession.path, withSession(elsewhere))).status).toBe(401);
      expect((await app.request(contract.getSession.path, withSession(here))).status).toBe(200);
      expect((await app.request(contract.getSession.path, withSession(other))).status).toBe(200);
      const after = await user("self-changer");
      expect(after.version).toBe(before.version + 1);
      const [row] = await queryAs<{ password_hash: string }>(
        t.db,
        "SELECT password_hash FROM users WHERE username = 'self-changer'",
      );
      expect(row?.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
      // The audit trail says the password changed, and never what it is.
      const audit = await requestJson(
        adminApp,
        `${contract.listAudit.path}?entityType=user&entityId=${after.id}`,
      );
      const entries = (audit.body as { items: { action: string; after: Record<string, unknown> }[] }).items;
      expect(entries.map((e) => e.action)).toContain("changeOwnPassword");
      expect(entries.find((e) => e.action === "changeOwnPassword")?.after).toMatchObject({
        passwordChanged: true,
      });
      expect(audit.text).not.toMatch(/scrypt|quite different/);
      expect((await requestJson(app, contract.login.path, json(loginBody("self-changer")))).status).toBe(401);
      await signIn(app, "self-changer", "a quite different passphrase");
    });

    it("for other sessions when the password changes (not the admin's own), and a role change applies at once", async () => {
      await ensureTestUser(t.db, "admin", "second-admin");
      const elsewhere = await signIn(app, "second-admin");
      const here = await signIn(app, "second-admin");
      const target = await user("second-admin");
      const path = contract.updateUser.path.replace(":userId", target.id);
      const changed = await requestJson(
        as(app, here),
        path,
        patchJson({ version: target.version, password: "second admin's new passphrase" }),
      );
      expect(changed.status).toBe(200);
      expect((await app.request(contract.getSession.path, withSession(elsewhere))).status).toBe(401);
      expect((await app.request(contract.getSession.path, withSession(here))).status).toBe(200);
      // Demoted by another admin: the live session has the new role on its next request.
      const demoted = await requestJson(
        adminApp,
        path,
        patchJson({ version: target.version + 1, role: "viewer" }),
      );
      expect(demoted.status).toBe(200);
      expect((await app.request(contract.listUsers.path, withSession(here))).status).toBe(403);
      expect((await app.request(contract.getOrganisation.path, withSession(here))).status).toBe(200);
    });
  });

  it("keeps one active admin when two admins demote each other at the same time", async () => {
    const db = t.db;
    await ensureTestUser(db, "admin", "admin-a");
    await ensureTestUser(db, "admin", "admin-b");
    // Leave exactly these two active admins.
    const others = await queryAs<{ id: string; version: number }>(
      db,
      "SELECT id, version FROM users WHERE role = 'admin' AND NOT disabled AND username NOT IN ('admin-a', 'admin-b')",
    );
    for (const o of others)
      expect((await updateUser(db, o.id, { version: o.version, role: "editor" }, null)).kind).toBe("ok");
    const rows = await queryAs<{ id: string; username: string; version: number }>(
      db,
      "SELECT id, username, version FROM users WHERE username IN ('admin-a', 'admin-b') ORDER BY username",
    );
    expect(rows).toHaveLength(2);
    const [ra, rb] = rows as unknown as [{ id: string; version: number }, { id: string; version: number }];
    const results = await Promise.all([
      updateUser(db, ra.id, { version: ra.version, role: "viewer" }, null),
      updateUser(db, rb.id, { version: rb.version, disabled: true }, null),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["last_admin", "ok"]);
    const active = await db.query("SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled");
    expect(active).toHaveLength(1);
  });
});
