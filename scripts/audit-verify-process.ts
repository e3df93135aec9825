import { spawn } from "node:child_process";
import { join } from "node:path";
import { migrate } from "@/server/db/migrate";
import { openDb } from "@/server/db/open-db";
import { seed } from "@/server/db/seed";
import type { TDb, TQueryable } from "@/server/db/types";
import { openTestDb, TEST_DATABASE_URL, type TTestEngine } from "@/server/test/open-test-db";
import { queryAs } from "@/server/test/query-as";
import { makeTempDataDir, removeDir, repoRoot } from "./server-process";

/*
 * For tests of `npm run audit:verify` (scripts/audit-verify.ts): the command as a process, and a test
 * database it can be pointed at — a PGlite folder of its own, or a fresh schema in TEST_DATABASE_URL.
 */

export type TCliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the command with `env` on top of this process's environment (without its database settings). */
export const runAuditVerify = (args: string[], env: Record<string, string>) =>
  new Promise<TCliResult>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: "", PGOPTIONS: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });

export type TCliDb = {
  /**
   * The database, always usable: it forwards to the current connection, which `verify` replaces on
   * PGlite (pass it to createApp once; sessions live in the database and survive the reopening).
   */
  db: TDb;
  engine: TTestEngine;
  /** What the command needs to find this database. */
  env: Record<string, string>;
  /** The PGlite folder (undefined on PostgreSQL). */
  dataDir: string | undefined;
  /**
   * Runs the command against this database. PGlite allows one process at a time: the test's connection
   * is closed while the command runs and opened again afterwards.
   */
  verify(args?: string[]): Promise<TCliResult>;
  close(): Promise<void>;
};

export const openCliDb = async (engine: TTestEngine, options: { seed?: boolean } = {}): Promise<TCliDb> => {
  const loadSeed = options.seed ?? true;
  let current: TDb;
  let reopen: () => Promise<TDb>;
  let env: Record<string, string>;
  let dataDir: string | undefined;
  let dispose: () => Promise<void>;
  if (engine === "postgres") {
    if (!TEST_DATABASE_URL) throw new Error("the postgres engine needs TEST_DATABASE_URL");
    const t = await openTestDb({ engine, migrate: true, seed: loadSeed });
    const [row] = await queryAs<{ schema: string }>(t.db, "SELECT current_schema() AS schema");
    current = t.db;
    reopen = async () => current;
    // The command opens DATABASE_URL as a deployment would; libpq's PGOPTIONS puts it in the schema.
    env = { DATABASE_URL: TEST_DATABASE_URL, PGOPTIONS: `-c search_path="${row?.schema}"` };
    dispose = () => t.close();
  } else {
    const dir = await makeTempDataDir("bgd-audit-cli-");
    dataDir = join(dir, "data");
    const folder = dataDir;
    current = await openDb({ dataDir: folder });
    await migrate(current);
    if (loadSeed) await seed(current);
    reopen = () => openDb({ dataDir: folder });
    env = { DATA_DIR: folder };
    dispose = async () => {
      await current.close().catch(() => undefined);
      await removeDir(dir);
    };
  }
  const live: TDb = {
    get engine() {
      return current.engine;
    },
    query: (sql, params) => current.query(sql, params),
    exec: (sql) => current.exec(sql),
    transaction: <T>(fn: (tx: TQueryable) => Promise<T>) => current.transaction(fn),
    close: () => current.close(),
  };
  return {
    db: live,
    engine,
    env,
    dataDir,
    async verify(args = []) {
      if (engine === "postgres") return runAuditVerify(args, env);
      await current.close();
      try {
        return await runAuditVerify(args, env);
      } finally {
        current = await reopen();
      }
    },
    close: dispose,
  };
};
