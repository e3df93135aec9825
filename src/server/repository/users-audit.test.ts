import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { createDemoUsers } from "@/server/demo-users";
import { signedIn, TEST_PASSWORD } from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { queryAs } from "@/server/test/query-as";
import { requestJson, type TRequester } from "@/server/test/request";
import type { TAuditEntry, TAuditVerification } from "@/shared/schemas/audit";
import type { TUser } from "@/shared/schemas/auth";

/*
 * Users are records too: creating and changing one appends an audit entry in the same transaction, with
 * the user before and after as the contract shows them — never the password or its hash.
 */

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe.each(testEngines)("users in the audit trail on %s", (engine) => {
  let t: TTestDb;
  let admin: TRequester;

  const userHistory = async (id: string) =>
    (
      (await requestJson(admin, `/api/v1/audit?entityType=user&entityId=${id}`)).body as {
        items: TAuditEntry[];
      }
    ).items;
  const storedHashes = async () =>
    (await queryAs<{ h: string }>(t.db, "SELECT password_hash AS h FROM users")).map((r) => r.h);
  /** Nothing of a password — the text or any stored hash — appears anywhere in the log. */
  const expectNoSecrets = async (passwords: string[]) => {
    const log = JSON.stringify(await t.db.query("SELECT * FROM audit_log"));
    for (const secret of [...passwords, ...(await storedHashes())]) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/password_?hash/i);
  };

  beforeAll(async () => {
    t = await openTestDb({ engine });
    admin = await signedIn(createApp({ db: t.db, staticDir: "/nonexistent" }), t.db, "admin");
  }, 60_000);
  afterAll(() => t?.close());

  it("logs a created user (by the admin), then a rename and a new password, without any secret", async () => {
    const created = await requestJson(
      admin,
      "/api/v1/users",
      json("POST", {
        username: "hanako",
        displayName: "Hanako",
        role: "editor",
        password: "her first long passphrase",
      }),
    );
    expect(created.status, created.text).toBe(200);
    const user = created.body as TUser;
    let [entry] = await userHistory(user.id);
    expect(entry).toMatchObject({
      action: "createUser",
      entityType: "user",
      entityId: user.id,
      actor: { username: "test-admin", displayName: "Test admin" },
      before: null,
      after: { ...user, passwordChanged: true },
    });

    const renamed = await requestJson(
      admin,
      `/api/v1/users/${user.id}`,
      json("PATCH", { version: 1, displayName: "Hanako Y.", role: "viewer" }),
    );
    expect(renamed.status, renamed.text).toBe(200);
    [entry] = await userHistory(user.id);
    expect(entry).toMatchObject({ action: "updateUser", before: user, after: renamed.body as TUser });
    expect(entry?.after).not.toHaveProperty("passwordChanged");

    const reset = await requestJson(
      admin,
      `/api/v1/users/${user.id}`,
      json("PATCH", { version: 2, password: "a brand new passphrase" }),
    );
    expect(reset.status, reset.text).toBe(200);
    const history = await userHistory(user.id);
    expect(history.map((e) => e.action)).toEqual(["updateUser", "updateUser", "createUser"]);
    expect(history[0]?.after).toMatchObject({ version: 3, passwordChanged: true });
    expect(history[0]?.before).not.toHaveProperty("passwordChanged");
    await expectNoSecrets(["her first long passphrase", "a brand new passphrase", TEST_PASSWORD]);

    const verified = (await requestJson(admin, "/api/v1/audit/verify")).body as TAuditVerification;
    expect(verified).toMatchObject({ ok: true, problems: [] });
  });

  it("logs nothing when the write is refused (taken name, stale version, last admin)", async () => {
    const digest = await dataDigest(t.db);
    const taken = await requestJson(
      admin,
      "/api/v1/users",
      json("POST", { username: "hanako", displayName: "Again", role: "viewer", password: TEST_PASSWORD }),
    );
    expect(taken.status).toBe(409);
    const [hanako] = (await queryAs<{ id: string }>(
      t.db,
      "SELECT id FROM users WHERE username = 'hanako'",
    )) as [{ id: string }];
    const stale = await requestJson(
      admin,
      `/api/v1/users/${hanako.id}`,
      json("PATCH", { version: 1, displayName: "Stale" }),
    );
    expect(stale.status).toBe(409);
    const [self] = (await queryAs<{ id: string; version: number }>(
      t.db,
      "SELECT id, version FROM users WHERE username = 'test-admin'",
    )) as [{ id: string; version: number }];
    const lastAdmin = await requestJson(
      admin,
      `/api/v1/users/${self.id}`,
      json("PATCH", { version: self.version, role: "viewer" }),
    );
    expect(lastAdmin.status).toBe(400);
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("logs the demo accounts of a first start, by the system, never their passwords", async () => {
    const fresh = await openTestDb({ engine });
    try {
      const accounts = await createDemoUsers(fresh.db, new Date("2025-09-01T00:00:00Z"));
      expect(accounts).toHaveLength(3);
      const rows = await queryAs<{
        action: string;
        actor_id: string;
        actor_name: string;
        after: TUser;
      }>(fresh.db, "SELECT action, actor_id, actor_name, after FROM audit_log ORDER BY seq");
      expect(rows.map((r) => [r.action, r.actor_id, r.after.username])).toEqual([
        ["createUser", "system", "demo-viewer"],
        ["createUser", "system", "demo-editor"],
        ["createUser", "system", "demo-admin"],
      ]);
      expect(rows[0]?.actor_name).toMatch(/demo start/);
      const log = JSON.stringify(rows);
      for (const a of accounts ?? []) expect(log).not.toContain(a.password);
      // A second start finds users and neither creates nor logs anything.
      expect(await createDemoUsers(fresh.db)).toBeNull();
      expect(await fresh.db.query("SELECT seq FROM audit_log")).toHaveLength(3);
    } finally {
      await fresh.close();
    }
  });
});
