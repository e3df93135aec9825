import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { openDb } from "@/server/db/open-db";
import { appendAudit } from "@/server/edits/audit-log";
import { systemActor } from "@/server/edits/system-actor";
import { TEST_DATABASE_URL } from "@/server/test/open-test-db";
import { openCliDb, runAuditVerify, type TCliDb } from "./audit-verify-process";
import { makeTempDataDir, removeDir, repoRoot } from "./server-process";

// `npm run audit:verify` as a process: what it prints and its exit status (0 intact, 1 tampered, 2 error).
// The tampering itself is tested on both engines in src/server/edits/audit-tamper.test.ts.

const userAdd = (env: Record<string, string>) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/user-add.ts", "--role", "admin", "--username", "first-admin"],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: "", ...env }, stdio: "ignore" },
    );
    child.once("exit", resolve);
  });

describe("npm run audit:verify on the embedded database", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDataDir("bgd-audit-verify-");
  });
  afterAll(() => removeDir(dir));

  it("refuses a folder without a database, and creates none", async () => {
    const dataDir = join(dir, "nothing-here");
    const res = await runAuditVerify([], { DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("There is no database in");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("refuses a database without the audit log politely, and does not migrate it", async () => {
    const dataDir = join(dir, "unmigrated");
    await (await openDb({ dataDir })).close();
    const res = await runAuditVerify([], { DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("has no audit log");
    expect(res.stderr).toContain("Start the server once");
    const db = await openDb({ dataDir });
    try {
      expect(await db.query("SELECT to_regclass('schema_migrations') AS t")).toEqual([{ t: null }]);
    } finally {
      await db.close();
    }
  });

  it("checks the log `npm run user:add` started: intact, the entry named, its hash to note down", async () => {
    const dataDir = join(dir, "with-admin");
    expect(await userAdd({ DATA_DIR: dataDir })).toBe(0);
    const res = await runAuditVerify([], { DATA_DIR: dataDir });
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.split("\n");
    expect(lines[0]).toBe("Audit trail intact ✓");
    expect(lines[1]).toBe(`  database:        pglite (${dataDir})`);
    expect(lines[2]).toBe("  entries checked: 1");
    expect(lines[3]).toMatch(
      /^ {2}last entry: {6}#1 — \d{4}-\d\d-\d\dT[\d:.]+Z, createUser of user usr-[a-z0-9]+, by npm run user:add \(system\)$/,
    );
    const hash = /last hash: +([0-9a-f]{64})/.exec(res.stdout)?.[1] as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.stdout).toContain(`npm run audit:verify -- --anchor 1:${hash.slice(0, 16)}`);

    const json = await runAuditVerify(["--json", "--anchor", `1:${hash.slice(0, 8)}`], { DATA_DIR: dataDir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      intact: true,
      ok: true,
      entries: 1,
      lastSeq: 1,
      lastHash: hash,
      problems: [],
      anchors: [{ seq: 1, hash: hash.slice(0, 8), found: hash, ok: true }],
    });

    const wrong = await runAuditVerify(["--anchor", "1:00000000"], { DATA_DIR: dataDir });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain("Audit trail TAMPERED ✗ — 1 problem");
    expect(wrong.stdout).toContain(`entry #1: anchor_mismatch (history rewritten) — its hash is ${hash}`);
    const gone = await runAuditVerify(["--anchor", "7:0123456789ab"], { DATA_DIR: dataDir });
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain("entry #7: anchor_mismatch (history rewritten) — it is gone");

    for (const args of [["--anchor", "1:xyz"], ["--anchor", "one:12345678"], ["--colour"]]) {
      const bad = await runAuditVerify(args, { DATA_DIR: dataDir });
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toContain("usage: npm run audit:verify");
    }
  });

  it("refuses a database a server has open, saying what to do; --copy checks a copy instead", async () => {
    const dataDir = join(dir, "in-use");
    expect(await userAdd({ DATA_DIR: dataDir })).toBe(0);
    const server = await openDb({ dataDir });
    try {
      const refused = await runAuditVerify([], { DATA_DIR: dataDir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`The embedded database in ${dataDir} is open in another process`);
      expect(refused.stderr).toContain("stop the server");
      expect(refused.stderr).toContain("/admin/audit");
      const copied = await runAuditVerify(["--copy"], { DATA_DIR: dataDir });
      expect(copied.code, copied.stderr).toBe(0);
      expect(copied.stdout).toContain(`database:        pglite (a copy of ${dataDir})`);
      expect(copied.stdout).toContain("entries checked: 1");
      // The copy was checked, not the folder: the open database still works.
      expect(await server.query("SELECT count(*)::int AS n FROM audit_log")).toEqual([{ n: 1 }]);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(TEST_DATABASE_URL)("npm run audit:verify on PostgreSQL (DATABASE_URL)", () => {
  let t: TCliDb;
  beforeAll(async () => {
    t = await openCliDb("postgres", { seed: false });
  });
  afterAll(() => t?.close());

  it("checks the log in DATABASE_URL: empty, then with entries, then tampered", async () => {
    const empty = await t.verify();
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain("entries checked: 0");
    expect(empty.stdout).toContain("last entry:      none (nothing recorded yet)");

    await t.db.transaction((tx) =>
      appendAudit(
        tx,
        ["inc-1", "inc-2", "inc-3"].map((id) => ({
          action: "updateIncident",
          entityType: "incident" as const,
          entityId: id,
          before: { id, version: 1 },
          after: { id, version: 2 },
        })),
        { at: new Date("2025-10-01T01:02:03Z"), actor: systemActor("test") },
      ),
    );
    const intact = await t.verify();
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain("database:        postgres (DATABASE_URL)");
    expect(intact.stdout).toContain("entries checked: 3");
    expect(intact.stdout).toContain(
      "last entry:      #3 — 2025-10-01T01:02:03.000Z, updateIncident of incident inc-3",
    );

    await t.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER;
      UPDATE audit_log SET entity_id = 'inc-9' WHERE seq = 2;
      ALTER TABLE audit_log ENABLE TRIGGER USER`);
    const tampered = await t.verify();
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain("entry #2: hash_mismatch (changed after it was written)");
  });

  it("says so when the database cannot be reached or has no audit log", async () => {
    const unreachable = await runAuditVerify([], {
      DATABASE_URL: "postgres://nobody:x@127.0.0.1:18439/none",
    });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain("Could not connect to DATABASE_URL");
    const noLog = await runAuditVerify([], {
      DATABASE_URL: TEST_DATABASE_URL as string,
      PGOPTIONS: "-c search_path=no_such_schema_here",
    });
    expect(noLog.code).toBe(2);
    expect(noLog.stderr).toContain("has no audit log");
  });
});
