import { type ChildProcess, type StdioOptions, spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Helpers to run the real server (src/server/main.ts) from tools: the e2e web server and the benchmark. */

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export const makeTempDataDir = (prefix: string) => mkdtemp(join(tmpdir(), prefix));

/** A folder inside the repository, for a server build: its packages resolve from node_modules here. */
export const makeRepoTempDir = async (prefix: string) => {
  const parent = join(repoRoot, "node_modules", ".cache");
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, prefix));
};

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true, maxRetries: 3 });

export type TServerOptions = {
  port: number;
  host?: string;
  /** PGlite folder; ignored by the server when `databaseUrl` is set. */
  dataDir?: string;
  /** PostgreSQL URL; when absent the server uses PGlite even if the caller's environment names one. */
  databaseUrl?: string;
  /** Built SPA to serve (the server's default is dist/client). */
  staticDir?: string;
  /**
   * The server build of the first screen that goes with `staticDir` (see buildFirstScreen). With a
   * `staticDir` and none, the server draws nothing (never another build's module over this build).
   */
  ssrDir?: string;
  /** Own process group (setsid), so that the whole tree can be signalled at once. */
  detached: boolean;
  stdio: StdioOptions;
};

export const spawnServer = (options: TServerOptions): ChildProcess => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: options.host ?? "127.0.0.1",
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  if (options.staticDir) {
    env.STATIC_DIR = options.staticDir;
    env.SSR_DIR = options.ssrDir ?? join(options.staticDir, "no-server-render");
  }
  // `node --import tsx` rather than the tsx CLI: one process, so its pid is the server's (for RSS).
  return spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: repoRoot,
    env,
    detached: options.detached,
    stdio: options.stdio,
  });
};

/**
 * Builds the module the server draws the first screen with (`vite build --ssr`, as `npm run build`
 * does) into `outDir`; true when it built.
 */
export const buildFirstScreen = (outDir: string, timeoutMs = 300_000) =>
  spawnSync(
    join(repoRoot, "node_modules/.bin/vite"),
    [
      "build",
      "--ssr",
      "src/app/render-first-screen.tsx",
      "--outDir",
      outDir,
      "--emptyOutDir",
      "--logLevel",
      "error",
    ],
    { cwd: repoRoot, stdio: "inherit", timeout: timeoutMs, killSignal: "SIGKILL" },
  ).status === 0;

export const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls GET /api/health until it answers 200; fails early if the server exits. */
export const waitForHealth = async (baseUrl: string, child: ChildProcess, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void exitOf(child).then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The server exited (code ${child.exitCode}) before answering /api/health`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(20);
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs} ms`);
};

const signalGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone.
  }
};

/** SIGTERM to the child's process group, SIGKILL after `graceMs`. The child must have been spawned detached. */
export const stopGroup = async (child: ChildProcess, graceMs = 5_000) => {
  const pid = child.pid;
  if (pid === undefined) return;
  if (!signalGroup(pid, "SIGTERM")) return;
  await Promise.race([exitOf(child), sleep(graceMs)]);
  // Even when the leader has exited, a straggler may remain in its group.
  signalGroup(pid, "SIGKILL");
};

/** Last-resort synchronous kill for `process.on("exit")`. */
export const killGroupNow = (child: ChildProcess) => {
  if (child.pid !== undefined) signalGroup(child.pid, "SIGKILL");
};
