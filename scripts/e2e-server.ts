import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { exitOf, makeTempDataDir, removeDir, repoRoot, spawnServer } from "./server-process";

/*
 * Playwright's webServer command: builds the SPA once into a folder of its own (so a concurrent build of
 * dist/client cannot change it mid-run), then runs the real server on E2E_PORT with a fresh PGlite folder.
 * Both folders go when the server stops. Playwright starts this in its own process group and signals the
 * whole group at the end (gracefulShutdown in playwright.config.ts), so nothing outlives the run.
 * E2E_STATIC_DIR=<folder> skips the build and serves that folder instead.
 */

const port = Number(process.env.E2E_PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("E2E_PORT must be set (playwright.config.ts sets it)");
  process.exit(2);
}

const tempDirs: string[] = [];
let staticDir = process.env.E2E_STATIC_DIR;
if (!staticDir) {
  staticDir = await makeTempDataDir("e2e-client-");
  tempDirs.push(staticDir);
  const build = spawnSync(
    join(repoRoot, "node_modules/.bin/vite"),
    ["build", "--outDir", staticDir, "--emptyOutDir", "--logLevel", "error"],
    { cwd: repoRoot, stdio: "inherit" },
  );
  if (build.status !== 0) {
    console.error(`vite build failed (${build.status ?? build.signal})`);
    await Promise.all(tempDirs.map(removeDir));
    process.exit(1);
  }
}

const dataDir = await makeTempDataDir("e2e-pglite-");
tempDirs.push(dataDir);
const server = spawnServer({ port, dataDir, staticDir, detached: false, stdio: "inherit" });

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => server.kill(signal));
}

const code = await exitOf(server);
await Promise.all(tempDirs.map(removeDir));
process.exit(code ?? 1);
