import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import type { TQueryable } from "@/server/db/types";
import { signedIn } from "@/server/test/auth";
import { testEngines } from "@/server/test/open-test-db";
import { requestJson, type TRequester } from "@/server/test/request";
import { chainEntries } from "@/shared/audit";
import type { TAuditEntry, TAuditVerification } from "@/shared/schemas/audit";
import type { TUser } from "@/shared/schemas/auth";
import { openCliDb, type TCliDb } from "../../../scripts/audit-verify-process";

/*
 * Tampering with the stored log, as someone with the database owner's rights would: the append-only
 * triggers refuse the application's own writes, and once they are switched off, every kind of change to
 * history is caught by the endpoint and by `npm run audit:verify`, each naming the entry at fault.
 */

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const progress = (version: number, done: number, status: "in_progress" | "completed") => ({
  version,
  date: "2025-09-30",
  doneCount: { status: "reported", value: done, source: { documentId: "notice", cites: [] } },
  note: null,
  source: { documentId: "notice", cites: [] },
  cohortStatus: status,
});

/** Runs `sql` with the log's triggers off, as its owner could, and on again. */
const asOwner = (db: TCliDb["db"], fn: (tx: TQueryable) => Promise<unknown>) =>
  db.transaction(async (tx) => {
    await tx.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await fn(tx);
    await tx.exec("ALTER TABLE audit_log ENABLE TRIGGER USER");
  });

describe.each(testEngines)("tampering with the audit log on %s", (engine) => {
  let t: TCliDb;
  let admin: TRequester;

  const verify = async () => {
    const res = await requestJson(admin, "/api/v1/audit/verify");
    expect(res.status, res.text).toBe(200);
    return res.body as TAuditVerification;
  };
  const problems = (v: TAuditVerification) => v.problems.map((p) => `${p.seq}:${p.kind}`);

  /** Tampers, checks, then puts the log back exactly as it was (and proves it is intact again). */
  const tampered = async (tamper: (tx: TQueryable) => Promise<unknown>, check: () => Promise<void>) => {
    await t.db.exec(
      "CREATE TABLE audit_log_saved AS SELECT * FROM audit_log; CREATE TABLE audit_head_saved AS SELECT * FROM audit_head",
    );
    try {
      await asOwner(t.db, tamper);
      await check();
    } finally {
      await asOwner(t.db, async (tx) => {
        await tx.exec(`DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM audit_log_saved;
          DELETE FROM audit_head; INSERT INTO audit_head SELECT * FROM audit_head_saved;
          DROP TABLE audit_log_saved; DROP TABLE audit_head_saved`);
      });
    }
    expect((await verify()).ok).toBe(true);
  };

  beforeAll(async () => {
    t = await openCliDb(engine);
    const app = createApp({ db: t.db, staticDir: "/nonexistent" });
    admin = await signedIn(app, t.db, "admin");
    const editor = await signedIn(app, t.db, "editor");
    // Four entries: a user created (1), two progress reports (2, 3), the user renamed (4).
    const created = await requestJson(
      admin,
      "/api/v1/users",
      json("POST", {
        username: "new-secretary",
        displayName: "New secretary",
        role: "editor",
        password: "a long enough passphrase",
      }),
    );
    expect(created.status, created.text).toBe(200);
    for (const [version, done, status] of [
      [1, 1, "in_progress"],
      [2, 3, "completed"],
    ] as const) {
      const res = await requestJson(
        editor,
        "/api/v1/cohorts/coh-3-refund/progress",
        json("POST", progress(version, done, status)),
      );
      expect(res.status, res.text).toBe(200);
    }
    const user = created.body as TUser;
    const renamed = await requestJson(
      admin,
      `/api/v1/users/${user.id}`,
      json("PATCH", { version: user.version, displayName: "Secretary" }),
    );
    expect(renamed.status, renamed.text).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  it("is intact after the writes, by the endpoint and by the command (exit 0)", async () => {
    const v = await verify();
    expect(v).toMatchObject({ ok: true, entries: 4, lastSeq: 4, problems: [] });
    const cli = await t.verify();
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain("Audit trail intact ✓");
    expect(cli.stdout).toMatch(/entries checked: 4\n/);
    expect(cli.stdout).toContain(`last hash:       ${v.lastHash}`);
    expect(cli.stdout).toMatch(/last entry: +#4 — .*updateUser of user usr-/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of the log while its triggers are on", async () => {
    const before = await t.db.query("SELECT seq, hash, after FROM audit_log ORDER BY seq");
    for (const sql of [
      "UPDATE audit_log SET actor_name = 'someone else' WHERE seq = 2",
      "DELETE FROM audit_log WHERE seq = 4",
      "TRUNCATE audit_log",
    ]) {
      await expect(t.db.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await t.db.query("SELECT seq, hash, after FROM audit_log ORDER BY seq")).toEqual(before);
    expect((await verify()).ok).toBe(true);
  });

  it("names entry 2 when its `after` was changed (hash_mismatch), and the command exits 1", async () => {
    await tampered(
      (tx) =>
        tx.query(
          `UPDATE audit_log SET after = jsonb_set(after, '{status}', '"completed"'::jsonb) WHERE seq = 2`,
        ),
      async () => {
        const v = await verify();
        expect(v.ok).toBe(false);
        expect(problems(v)).toEqual(["2:hash_mismatch"]);
        const cli = await t.verify();
        expect(cli.code, cli.stderr).toBe(1);
        expect(cli.stdout).toContain("Audit trail TAMPERED ✗ — 1 problem");
        expect(cli.stdout).toContain("entry #2: hash_mismatch");
      },
    );
  });

  it("detects a changed actor name (the entry's hash covers who made the change)", async () => {
    await tampered(
      (tx) => tx.query("UPDATE audit_log SET actor_name = 'Someone else' WHERE seq = 3"),
      async () => {
        expect(problems(await verify())).toEqual(["3:hash_mismatch"]);
        const cli = await t.verify();
        expect(cli.code).toBe(1);
        expect(cli.stdout).toContain("entry #3: hash_mismatch");
      },
    );
  });

  it("detects an entry rewritten with a fresh hash of its own: the next entry's link breaks", async () => {
    await tampered(
      (tx) =>
        tx.query(
          "UPDATE audit_log SET after = after || '{\"note\": \"x\"}'::jsonb, hash = repeat('a', 64) WHERE seq = 2",
        ),
      async () => {
        expect(problems(await verify())).toEqual(["2:hash_mismatch", "3:broken_link"]);
        expect((await t.verify()).code).toBe(1);
      },
    );
  });

  it("names the entry after a deleted middle one (missing_entries, broken_link)", async () => {
    await tampered(
      (tx) => tx.query("DELETE FROM audit_log WHERE seq = 2"),
      async () => {
        const v = await verify();
        expect(v.entries).toBe(3);
        expect(problems(v)).toEqual(["3:missing_entries", "3:broken_link"]);
        const cli = await t.verify();
        expect(cli.code).toBe(1);
        expect(cli.stdout).toContain("entry #3: missing_entries");
        expect(cli.stdout).toContain("entry #3: broken_link");
      },
    );
  });

  it("detects a deleted last entry through the recorded head (head_mismatch)", async () => {
    await tampered(
      (tx) => tx.query("DELETE FROM audit_log WHERE seq = 4"),
      async () => {
        const v = await verify();
        expect(v).toMatchObject({ ok: false, entries: 3, lastSeq: 3 });
        expect(problems(v)).toEqual(["4:head_mismatch"]);
        const cli = await t.verify();
        expect(cli.code).toBe(1);
        expect(cli.stdout).toContain("entry #4: head_mismatch");
      },
    );
  });

  it("cannot tell a chain rewritten with its head from the original — except against a hash noted earlier", async () => {
    const noted = (await verify()).lastHash as string;
    const entries = (await requestJson(admin, "/api/v1/audit?limit=10")).body as { items: TAuditEntry[] };
    expect(entries.items).toHaveLength(4);
    await tampered(
      async (tx) => {
        // The owner rewrites entry 4 and recomputes its hash and the head: the chain is consistent again.
        const [third, fourth] = [entries.items[1], entries.items[0]] as [TAuditEntry, TAuditEntry];
        const [forged] = await chainEntries(
          { seq: third.seq, hash: third.hash },
          [
            {
              action: fourth.action,
              entityType: fourth.entityType,
              entityId: fourth.entityId,
              before: fourth.before,
              after: { ...fourth.after, displayName: "Forged" },
            },
          ],
          { at: new Date(fourth.at), actor: fourth.actor },
        );
        await tx.query("UPDATE audit_log SET after = $1::jsonb, hash = $2 WHERE seq = 4", [
          JSON.stringify(forged?.after),
          forged?.hash,
        ]);
        await tx.query("UPDATE audit_head SET hash = $1", [forged?.hash]);
      },
      async () => {
        expect((await verify()).ok).toBe(true);
        const cli = await t.verify(["--anchor", `4:${noted.slice(0, 16)}`]);
        expect(cli.code).toBe(1);
        expect(cli.stdout).toContain("entry #4: anchor_mismatch");
      },
    );
  });
});
