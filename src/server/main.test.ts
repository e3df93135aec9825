import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
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
    // Health says only that it answers: the engine and version are nobody's business.
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: "ok" });
    const page = await fetch(`${base}/incidents/inc-1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // Reads need a session.
    expect((await fetch(`${base}/api/v1/stats/overview?asOf=2025-09-30`)).status).toBe(401);

    // The first start creates the demo accounts, prints them once and keeps them in a private file.
    const credentialsFile = join(env.DATA_DIR, "demo-credentials.txt");
    await waitFor(first, /Demo sign-in: see .*demo-credentials\.txt\n(?:.*\n){3}/);
    expect(first.output()).toContain(`Demo sign-in: see ${credentialsFile}`);
    expect((await stat(credentialsFile)).mode & 0o777).toBe(0o600);
    const credentials = await readFile(credentialsFile, "utf8");
    const password = (username: string) =>
      new RegExp(`^${username}\\s+(\\S+)\\s+`, "m").exec(credentials)?.[1] ?? "";
    for (const username of ["demo-viewer", "demo-editor", "demo-admin"]) {
      expect(password(username)).toMatch(/^[A-Za-z0-9]{24}$/);
      expect(first.output()).toContain(password(username));
    }
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "demo-viewer", password: password("demo-viewer") }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const overview = await (
      await fetch(`${base}/api/v1/stats/overview?asOf=2025-09-30`, { headers: { cookie } })
    ).json();
    // 1,909 members affected in all (46 + 1,860 + 3), every part reported.
    expect(overview.affected.totals).toEqual([
      {
        unit: "people",
        populationId: "members",
        value: 1909,
        complete: true,
        unreportedParts: 0,
        confirmedNone: false,
      },
    ]);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("SIGTERM: shutting down");

    const second = start(env);
    runs.push(second);
    await waitFor(second, /listening on.*\n.*Demo sign-in: see/);
    // Seeded once: the restart found the data and did not load it again; the session survived it.
    const incidents = await (await fetch(`${base}/api/v1/incidents`, { headers: { cookie } })).json();
    expect(incidents.total).toBe(3);
    // Same accounts; the passwords are printed only the first time.
    expect(await readFile(credentialsFile, "utf8")).toBe(credentials);
    expect(second.output()).not.toContain(password("demo-admin"));
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

  it("creates no demo accounts with DEMO_USERS=0, and says how to create the first administrator", async () => {
    const port = await findFreePort(18150, 18199);
    const dataDir = join(dir, "no-demo");
    const run = start({
      PORT: String(port),
      DATA_DIR: dataDir,
      STATIC_DIR: join(dir, "static"),
      DEMO_USERS: "0",
    });
    runs.push(run);
    await waitFor(run, /listening on.*\n.*No users yet.*\n/);
    expect(run.output()).toContain(
      "No users yet. Create the first administrator with: npm run user:add -- --role admin --username <name>",
    );
    expect(run.output()).not.toContain("Demo sign-in");
    await expect(stat(join(dataDir, "demo-credentials.txt"))).rejects.toThrow();
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });

  it("refuses a port that is not a number", async () => {
    const run = start({ PORT: "eighty", DATA_DIR: join(dir, "unused") });
    runs.push(run);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain("PORT must be a port number");
  });
});
