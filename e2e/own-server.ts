import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { test as base } from "@playwright/test";

/*
 * A spec that needs a record of its own (writes that would disturb the shared demo server, an empty
 * record, a fixture) runs scripts/e2e-server.ts itself: its own build, a fresh PGlite, the run's users
 * (E2E_USERS_JSON), on a free port of the range it names. The server runs in its own process group, so
 * stopping the group stops everything it started.
 */

export type TRole = "viewer" | "editor" | "admin";
export type TCredentials = { username: string; password: string };
export const users = JSON.parse(process.env.E2E_USERS_JSON ?? "null") as Record<TRole, TCredentials>;

type TOwnServer = {
  /** Two ports, "first last": a range no other spec uses. */
  ports: [number, number];
  /** Added to the server's environment (DEMO_DATA, E2E_DATASET, E2E_USERS_JSON…). */
  env?: Record<string, string>;
  /** A running server to use instead (while writing steps). */
  givenUrl?: string;
  timeout: number;
};

const startServer = async ({ ports, env }: TOwnServer): Promise<{ url: string; child: ChildProcess }> => {
  const port = execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/free-port.ts", String(ports[0]), String(ports[1])],
    { encoding: "utf8" },
  ).trim();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, ...env, E2E_PORT: port },
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the test server on ${port} exited (${child.exitCode})`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return { url, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
};

/** A Playwright `test` whose worker starts (and in the end stops) a server of its own; `baseURL` is it. */
export const withOwnServer = (options: TOwnServer) =>
  base.extend<object, { server: { url: string } }>({
    server: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
      async ({}, use) => {
        if (options.givenUrl) {
          await use({ url: options.givenUrl });
          return;
        }
        const { url, child } = await startServer(options);
        await use({ url });
        if (child.pid) {
          try {
            process.kill(-child.pid, "SIGTERM");
          } catch {
            // Already gone.
          }
        }
      },
      { scope: "worker", timeout: options.timeout },
    ],
    baseURL: async ({ server }, use) => use(server.url),
  });
