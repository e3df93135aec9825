import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// The browser is Debian's Chromium; Playwright must never fetch one of its own.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

/*
 * One free port per run, chosen in the runner and handed to the workers through the environment (they
 * load this file again and inherit the runner's environment), so concurrent runs do not collide.
 */
const pickPort = () => {
  if (process.env.E2E_PORT) return Number(process.env.E2E_PORT);
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/free-port.ts", "18350", "18399"], {
    cwd: import.meta.dirname,
    encoding: "utf8",
  });
  process.env.E2E_PORT = out.trim();
  return Number(process.env.E2E_PORT);
};

const port = pickPort();

/*
 * The test users, one per role, with passwords made up for this run: scripts/e2e-server.ts creates them
 * (npm run user:add) before the server starts, and the specs sign in with them. Shared like the port:
 * E2E_USERS_JSON = {"viewer":{"username","password"},"editor":{…},"admin":{…}}.
 */
const ensureUsers = () => {
  if (process.env.E2E_USERS_JSON) return process.env.E2E_USERS_JSON;
  const user = (role: string) => ({
    username: `e2e-${role}`,
    password: randomBytes(18).toString("base64url"),
  });
  process.env.E2E_USERS_JSON = JSON.stringify({
    viewer: user("viewer"),
    editor: user("editor"),
    admin: user("admin"),
  });
  return process.env.E2E_USERS_JSON;
};
const usersJson = ensureUsers();
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: ci ? 1 : 2,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // Includes the one `vite build` of the run.
    timeout: 240_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(port), E2E_USERS_JSON: usersJson },
  },
});
