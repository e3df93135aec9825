import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { as, ensureTestUser, signIn, TEST_PASSWORD } from "@/server/test/auth";
import { openTestDb, type TTestDb } from "@/server/test/open-test-db";
import { requestJson } from "@/server/test/request";
import { contract } from "@/shared/contract";

/*
 * New passwords: the common, the patterned and the user's own name are refused wherever a password is
 * set, and users change their own password (the current one checked; every other session ended).
 */

describe("passwords", () => {
  let t: TTestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openTestDb();
    app = createApp({ db: t.db, log: () => undefined });
    await ensureTestUser(t.db, "admin");
    await ensureTestUser(t.db, "viewer", "vera");
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (who: Awaited<ReturnType<typeof signIn>>, path: string, body: unknown) =>
    requestJson(as(app, who), path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it.each([
    ["            ", "too_short"],
    ["aaaaaaaaaaaa", "too_few_distinct"],
    ["password1234", "too_guessable"],
    ["qwertyuiop12", "too_guessable"],
    ["carol-the-great-1", "mentions_user"],
  ])("refuses %j for a new user (%s)", async (password, code) => {
    const admin = await signIn(app, "test-admin");
    const response = await post(admin, contract.createUser.path, {
      username: "carol",
      displayName: "Carol",
      role: "viewer",
      password,
    });
    expect([400, 422]).toContain(response.status);
    const errors = (response.body as { errors?: { field: string; code: string }[] }).errors ?? [];
    expect(errors.some((e) => e.field === "password")).toBe(true);
    if (response.status === 422) expect(errors.map((e) => e.code)).toContain(code);
  });

  it("lets a user change their own password: checks the current one, refuses a weak one, ends their other sessions", async () => {
    const here = await signIn(app, "vera");
    const elsewhere = await signIn(app, "vera");
    const wrong = await post(here, contract.changeOwnPassword.path, {
      currentPassword: "not my password",
      newPassword: "a much better passphrase 2026",
    });
    expect(wrong.status).toBe(422);
    const weak = await post(here, contract.changeOwnPassword.path, {
      currentPassword: TEST_PASSWORD,
      newPassword: "password1234",
    });
    expect(weak.status).toBe(422);
    const ok = await post(here, contract.changeOwnPassword.path, {
      currentPassword: TEST_PASSWORD,
      newPassword: "a much better passphrase 2026",
    });
    expect(ok.status).toBe(200);
    // This session goes on; the other one is over; the new password signs in, the old one does not.
    expect((await requestJson(as(app, here), contract.getSession.path)).status).toBe(200);
    expect((await requestJson(as(app, elsewhere), contract.getSession.path)).status).toBe(401);
    await expect(signIn(app, "vera")).rejects.toThrow(/401/);
    expect((await signIn(app, "vera", "a much better passphrase 2026")).session.user.username).toBe("vera");
  }, 60_000);
});
