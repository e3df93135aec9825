import { spawnSync } from "node:child_process";
import { join } from "node:path";
import {
  buildFirstScreen,
  exitOf,
  makeRepoTempDir,
  makeTempDataDir,
  removeDir,
  repoRoot,
  spawnServer,
} from "./server-process";

/*
 * Playwright's webServer command: builds the SPA once into a folder of its own (so a concurrent build of
 * dist/client cannot change it mid-run), then runs the real server on E2E_PORT with a fresh PGlite folder.
 * Both folders go when the server stops. Playwright starts this in its own process group and signals the
 * whole group at the end (gracefulShutdown in playwright.config.ts), so nothing outlives the run.
 * It also builds the module the server draws the first screen with (`vite build --ssr`, as `npm run build`).
 * E2E_STATIC_DIR=<folder> skips the builds and serves that folder instead (E2E_SSR_DIR: its server build).
 * Before the server starts, the users of E2E_USERS_JSON (set by playwright.config.ts) are created with
 * `npm run user:add` (their passwords through stdin); the server's demo accounts are off (DEMO_USERS=0).
 * DEMO_DATA=0 in the environment reaches the server: it starts with an empty record instead of the demo.
 * E2E_DATASET=<name> fills the fresh folder with a test fixture first (scripts/seed-dataset.ts).
 */

const port = Number(process.env.E2E_PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("E2E_PORT must be set (playwright.config.ts sets it)");
  process.exit(2);
}

const tempDirs: string[] = [];
let staticDir = process.env.E2E_STATIC_DIR;
// The first screen's server build that goes with it (E2E_SSR_DIR with E2E_STATIC_DIR; none: the browser draws).
let ssrDir = process.env.E2E_SSR_DIR;
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
  ssrDir = await makeRepoTempDir("e2e-ssr-");
  tempDirs.push(ssrDir);
  if (!buildFirstScreen(ssrDir)) {
    console.error("vite build --ssr failed");
    await Promise.all(tempDirs.map(removeDir));
    process.exit(1);
  }
}

type TUsers = Partial<Record<"viewer" | "editor" | "admin", { username: string; password: string }>>;
let users: TUsers;
try {
  users = JSON.parse(process.env.E2E_USERS_JSON ?? "") as TUsers;
} catch {
  console.error("E2E_USERS_JSON must be set (playwright.config.ts sets it)");
  await Promise.all(tempDirs.map(removeDir));
  process.exit(2);
}

const dataDir = await makeTempDataDir("e2e-pglite-");
tempDirs.push(dataDir);
const dataset = process.env.E2E_DATASET;
if (dataset) {
  const seeded = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/seed-dataset.ts", dataDir, dataset],
    {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (seeded.status !== 0) {
    console.error(`seeding ${dataset} failed (${seeded.status ?? seeded.signal})`);
    await Promise.all(tempDirs.map(removeDir));
    process.exit(1);
  }
}
// Only the roles named (a spec that needs one user spares the others' user:add, seconds each).
for (const role of ["viewer", "editor", "admin"] as const) {
  const user = users[role];
  if (!user) continue;
  const { username, password } = user;
  const added = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/user-add.ts", "--role", role, "--username", username, "--password-stdin"],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
      input: `${password}\n`,
      stdio: ["pipe", "ignore", "inherit"],
    },
  );
  if (added.status !== 0) {
    console.error(`user:add for the e2e ${role} failed (${added.status ?? added.signal})`);
    await Promise.all(tempDirs.map(removeDir));
    process.exit(1);
  }
}
process.env.DEMO_USERS = "0";
const server = spawnServer({ port, dataDir, staticDir, ssrDir, detached: false, stdio: "inherit" });

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => server.kill(signal));
}

const code = await exitOf(server);
await Promise.all(tempDirs.map(removeDir));
process.exit(code ?? 1);
