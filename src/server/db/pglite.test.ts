import { chmodSync, lstatSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirInUse, durability, LOCK_FILE, lockHolder, openPglite } from "./pglite";
import type { TDb } from "./types";

/*
 * The embedded database's folder: private to the server's user, held by one server at a time, and every
 * committed transaction synced to disk before it is acknowledged.
 */

const modesUnder = (dir: string): { path: string; mode: number }[] => {
  const out: { path: string; mode: number }[] = [];
  const visit = (path: string) => {
    const st = lstatSync(path);
    out.push({ path, mode: st.mode & 0o777 });
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
};

describe("the embedded database's folder", () => {
  let root: string;
  let db: TDb;
  const warnings: string[] = [];
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "bgd-pglite-"));
  });
  afterAll(async () => {
    await db?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("is created private: no file or folder readable or writable by anyone else", async () => {
    // As the server runs: its umask keeps new files private (src/server/main.ts sets it).
    const previous = process.umask(0o077);
    try {
      db = await openPglite(join(root, "data"), { log: (m) => warnings.push(m) });
      await db.exec("CREATE TABLE t (x int)");
    } finally {
      process.umask(previous);
    }
    const loose = modesUnder(join(root, "data")).filter((e) => (e.mode & 0o077) !== 0);
    expect(loose).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("syncs every committed transaction before answering", async () => {
    const before = durability.fsyncs;
    for (let i = 0; i < 5; i++) await db.transaction((tx) => tx.query("INSERT INTO t VALUES ($1)", [i]));
    // At least the WAL segment and its folder per commit.
    expect(durability.fsyncs - before).toBeGreaterThanOrEqual(10);
    const reads = durability.fsyncs;
    await db.query("SELECT count(*) FROM t");
    expect(durability.fsyncs).toBe(reads);
  });

  it("refuses a second server on the same folder, naming the one that holds it", async () => {
    expect(lockHolder(join(root, "data"))?.pid).toBe(process.pid);
    // Another live process holds it: this test's parent stands in for a second server's view.
    const path = join(root, "data", LOCK_FILE);
    writeFileSync(path, JSON.stringify({ pid: process.ppid, started: null }));
    await expect(openPglite(join(root, "data"))).rejects.toThrow(DataDirInUse);
    await expect(openPglite(join(root, "data"))).rejects.toThrow(new RegExp(`process ${process.ppid}`));
  });

  it("takes over a lock left by a process that is gone, and tightens a folder left loose", async () => {
    await db.close();
    const dir = join(root, "data");
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 17, started: null }));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "PG_VERSION"), 0o644);
    db = await openPglite(dir, { log: (m) => warnings.push(m) });
    expect(warnings.join("\n")).toMatch(/2 files or folders readable by others/);
    expect(modesUnder(dir).filter((e) => (e.mode & 0o077) !== 0)).toEqual([]);
    expect(lockHolder(dir)?.pid).toBe(process.pid);
    expect(await db.query("SELECT count(*)::int AS n FROM t")).toEqual([{ n: 5 }]);
  });
});
