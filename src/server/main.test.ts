import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/free-port";

// The real entry point as a process: start, migrate, seed, serve, stop on SIGTERM, start again.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

type TRun = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

const start = (env: Record<string, string>): TRun => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
};

const waitFor = async (run: TRun, pattern: RegExp, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = pattern.exec(run.output());
    if (match) return match;
    if (run.child.exitCode !== null) throw new Error(`server exited early:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${run.output()}`);
};

describe("src/server/main.ts", () => {
  let dir: string;
  const runs: TRun[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bgd-main-"));
    await mkdir(join(dir, "static"));
    await writeFile(join(dir, "static", "index.html"), '<!doctype html><div id="root"></div>');
  });
  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("serves, stops cleanly on SIGTERM and keeps its data across a restart", async () => {
    const port = await findFreePort(18150, 18199);
    const env = {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: join(dir, "data"),
      STATIC_DIR: join(dir, "static"),
    };
    const first = start(env);
    runs.push(first);
    await waitFor(first, /listening on http:\/\/127\.0\.0\.1:(\d+) \(database: pglite/);
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({
      status: "ok",
      database: "pglite",
    });
    const page = await fetch(`${base}/incidents/inc-1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const overview = await (await fetch(`${base}/api/v1/stats/overview?asOf=2025-09-30`)).json();
    expect(overview.affected.cumulativeReported).toBe(1909);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("SIGTERM: shutting down");

    const second = start(env);
    runs.push(second);
    await waitFor(second, /listening on/);
    const incidents = await (await fetch(`${base}/api/v1/incidents`)).json();
    // Seeded once: the restart found the data and did not load it again.
    expect(incidents.total).toBe(3);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

  it("refuses a port that is not a number", async () => {
    const run = start({ PORT: "eighty", DATA_DIR: join(dir, "unused") });
    runs.push(run);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain("PORT must be a port number");
  });
});
