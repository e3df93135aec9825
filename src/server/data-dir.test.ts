import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/free-port";
import {
  exitOf,
  makeTempDataDir,
  removeDir,
  spawnServer,
  stopGroup,
  waitForHealth,
} from "../../scripts/server-process";

/*
 * Two real servers and one embedded database folder: the second refuses to start (it would read a stale
 * copy and lose writes), the first keeps serving, and a server killed with SIGKILL leaves a lock the next
 * start takes over. No file under DATA_DIR is readable by anyone but the server's user.
 */

const collect = (child: ReturnType<typeof spawnServer>) => {
  const out: string[] = [];
  child.stdout?.on("data", (d) => out.push(String(d)));
  child.stderr?.on("data", (d) => out.push(String(d)));
  return out;
};

const looseEntries = (dir: string): string[] => {
  const out: string[] = [];
  const visit = (path: string) => {
    const st = statSync(path);
    if ((st.mode & 0o077) !== 0) out.push(`${path} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
};

describe("one embedded database folder, two servers", () => {
  const started: ReturnType<typeof spawnServer>[] = [];
  let root = "";
  afterAll(async () => {
    for (const child of started) await stopGroup(child);
    if (root) await removeDir(root);
  });

  it("refuses the second server, keeps the first, and survives a SIGKILL's stale lock", async () => {
    root = await makeTempDataDir("bgd-datadir-");
    const dataDir = join(root, "data");
    const firstPort = await findFreePort(18800, 18849);
    const first = spawnServer({ port: firstPort, dataDir, detached: true, stdio: "pipe" });
    started.push(first);
    const firstOut = collect(first);
    await waitForHealth(`http://127.0.0.1:${firstPort}`, first, 90_000);
    expect(looseEntries(dataDir), firstOut.join("")).toEqual([]);

    const secondPort = await findFreePort(18850, 18899);
    const second = spawnServer({ port: secondPort, dataDir, detached: true, stdio: "pipe" });
    started.push(second);
    const secondOut = collect(second);
    expect(await exitOf(second)).toBe(1);
    expect(secondOut.join("")).toMatch(/in use by another server \(process \d+\)/);
    // The first still answers.
    expect((await fetch(`http://127.0.0.1:${firstPort}/api/health`)).status).toBe(200);

    // A crash leaves the lock behind; the next start sees its process gone and takes the folder.
    first.kill("SIGKILL");
    await exitOf(first);
    const third = spawnServer({ port: firstPort, dataDir, detached: true, stdio: "pipe" });
    started.push(third);
    const thirdOut = collect(third);
    await waitForHealth(`http://127.0.0.1:${firstPort}`, third, 90_000);
    expect(thirdOut.join("")).not.toMatch(/in use/);
    expect(looseEntries(dataDir)).toEqual([]);
  }, 240_000);
});
