import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { ensureTestUser, TEST_PASSWORD } from "@/server/test/auth";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import { FREE_ATTEMPTS_PER_PAIR, MAX_ATTEMPTS_PER_ACCOUNT, MAX_ATTEMPTS_PER_ADDRESS } from "@/shared/access";
import { contract } from "@/shared/contract";

/*
 * Sign-in throttling against an attacker: guesses sent all at once are counted as they start (at most the
 * free attempts reach the password check), an attacker elsewhere never locks the owner out, and the last
 * administrator is never locked out account-wide.
 */

describe.each(testEngines)("sign-in throttling (%s)", (engine) => {
  let t: TTestDb;
  let app: ReturnType<typeof createApp>;
  const clock = { now: new Date("2025-09-30T03:00:00Z") };
  beforeAll(async () => {
    t = await openTestDb({ engine });
    app = createApp({
      db: t.db,
      log: () => undefined,
      clock: () => clock.now,
      clientAddress: (c) => c.req.header("x-test-address") ?? "unknown",
    });
    await ensureTestUser(t.db, "editor", "owner");
    await ensureTestUser(t.db, "admin", "only-admin");
  });
  afterAll(async () => {
    await t?.close();
  });

  const attempt = async (username: string, password: string, address: string) => {
    const response = await app.request(contract.login.path, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-address": address },
      body: JSON.stringify({ username, password }),
    });
    await response.arrayBuffer();
    return response.status;
  };

  const checkedAt = async (username: string) => {
    const rows = await t.db.query("SELECT count(*)::int AS n FROM login_attempts WHERE username = $1", [
      username,
    ]);
    return Number(rows[0]?.n);
  };

  it("checks at most the free attempts of thirty guesses sent at once", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt("owner", `wrong guess ${i}`, "10.0.0.66")),
    );
    // Every guess that reached the password check was recorded (as failed); the rest never did.
    expect(await checkedAt("owner")).toBeLessThanOrEqual(FREE_ATTEMPTS_PER_PAIR);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(FREE_ATTEMPTS_PER_PAIR);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - FREE_ATTEMPTS_PER_PAIR);
  });

  it("never locks the owner out from another address, and the attacker's wait doubles", async () => {
    expect(await attempt("owner", TEST_PASSWORD, "192.168.1.20")).toBe(200);
    // The attacker's own pair: one second after the fifth failure, then two, then four…
    clock.now = new Date(clock.now.getTime() + 1_000);
    expect(await attempt("owner", "wrong again", "10.0.0.66")).toBe(401);
    expect(await attempt("owner", "and again", "10.0.0.66")).toBe(429);
    clock.now = new Date(clock.now.getTime() + 2_000);
    expect(await attempt("owner", "and again", "10.0.0.66")).toBe(401);
    expect(await attempt("owner", "and again", "10.0.0.66")).toBe(429);
  });

  it("bounds guesses from one address at many accounts, even sent at once", async () => {
    // The address has already used all but five of its attempts (hashing a hundred passwords is slow).
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS - 5; i++) {
      await t.db.query(
        "INSERT INTO login_attempts (username, address, attempted_at, outcome) VALUES ($1, '10.9.9.9', $2, 'failed')",
        [`earlier-${i}`, clock.now.toISOString()],
      );
    }
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(`nobody-${i}`, "wrong", "10.9.9.9")),
    );
    const recorded = Number(
      (await t.db.query("SELECT count(*)::int AS n FROM login_attempts WHERE address = '10.9.9.9'"))[0]?.n,
    );
    expect(recorded).toBeLessThanOrEqual(MAX_ATTEMPTS_PER_ADDRESS);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  }, 60_000);

  it("slows an account attacked from many addresses, but never locks out the last administrator", async () => {
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) {
      await t.db.query(
        "INSERT INTO login_attempts (username, address, attempted_at, outcome) VALUES ($1, $2, $3, 'failed')",
        ["only-admin", `172.16.0.${i}`, clock.now.toISOString()],
      );
      await t.db.query(
        "INSERT INTO login_attempts (username, address, attempted_at, outcome) VALUES ($1, $2, $3, 'failed')",
        ["owner", `172.16.0.${i}`, clock.now.toISOString()],
      );
    }
    // A plain account waits out the window, even with its right password, from a new address…
    expect(await attempt("owner", TEST_PASSWORD, "203.0.113.7")).toBe(429);
    // …the one administrator left does not (its own pair still slows a guesser).
    expect(await attempt("only-admin", TEST_PASSWORD, "203.0.113.7")).toBe(200);
  }, 60_000);
});
