import { existsSync } from "node:fs";
import { serve } from "@hono/node-server";
import { createApp } from "@/server/app";
import { migrate } from "@/server/db/migrate";
import { DEFAULT_DATA_DIR, openDb } from "@/server/db/open-db";
import { seed } from "@/server/db/seed";
import {
  CREDENTIALS_FILE,
  createDemoUsers,
  credentialsText,
  type TDemoAccount,
  writeCredentials,
} from "@/server/demo-users";
import { loadFirstScreenRenderer } from "@/server/first-screen-html";
import { countUsers } from "@/server/repository/users";
import { emptyDataset } from "@/shared/seed/empty";
import { APP_VERSION } from "@/shared/version";

/*
 * Starts the server: PORT (8080), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; otherwise embedded PGlite
 * in DATA_DIR, default ./data), STATIC_DIR (dist/client), SSR_DIR (dist/ssr: the first screen drawn on the
 * server, see src/server/first-screen-html.ts; without it the browser draws it). Migrates and seeds before listening; stops
 * cleanly on SIGINT/SIGTERM (server first, then the database).
 * Sign-in: COOKIE_SECURE=0/1 forces the cookie's Secure flag (default: Secure unless the host is
 * loopback); TRUST_PROXY=1 behind one reverse proxy (client address from X-Forwarded-For, host from
 * X-Forwarded-Host); DEMO_USERS=0 keeps the embedded demo from creating its demo accounts.
 * DEMO_DATA=0 starts an empty record instead of the demo case (the organisation's settings left for an
 * administrator to fill in); a database that already holds a record is never seeded again.
 */

const port = Number(process.env.PORT || 8080);
const host = process.env.HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}
const flag = (name: string): boolean | undefined => {
  const value = process.env[name];
  if (value === undefined || value === "") return undefined;
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  console.error(`${name} must be 0 or 1, not "${value}"`);
  process.exit(2);
};
const cookieSecure = flag("COOKIE_SECURE");
const trustProxy = flag("TRUST_PROXY") ?? false;
const demoUsers = flag("DEMO_USERS") ?? true;
const demoData = flag("DEMO_DATA") ?? true;
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;
const credentialsPath = `${dataDir.replace(/\/+$/, "")}/${CREDENTIALS_FILE}`;
const displayHost = host.includes(":") ? `[${host}]` : host;

// Everything the server writes (the embedded database, the demo credentials) is for its own user only.
process.umask(0o077);
let db: Awaited<ReturnType<typeof openDb>>;
try {
  db = await openDb(databaseUrl ? { databaseUrl } : { dataDir });
} catch (error) {
  console.error(`cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
let signInHelp: string[] = [];
try {
  await migrate(db);
  await seed(db, demoData ? undefined : emptyDataset());
  signInHelp = await prepareSignIn();
} catch (error) {
  console.error(`database setup failed: ${error instanceof Error ? error.message : String(error)}`);
  await db.close().catch(() => undefined);
  process.exit(1);
}

/**
 * What to print about signing in. The embedded demo without users gets its demo accounts (printed with
 * their passwords this once, and kept in DATA_DIR/demo-credentials.txt); PostgreSQL without users gets
 * the command that creates the first administrator. Never a fixed default password.
 */
async function prepareSignIn(): Promise<string[]> {
  const users = await countUsers(db);
  const addAdmin = "npm run user:add -- --role admin --username <name> [--display-name <name>]";
  if (users === 0 && (databaseUrl || !demoUsers)) {
    return [`No users yet. Create the first administrator with: ${addAdmin}`];
  }
  let created: TDemoAccount[] | null = null;
  if (users === 0) {
    created = await createDemoUsers(db);
    if (created) {
      await writeCredentials(credentialsPath, credentialsText(created, `http://${displayHost}:${port}/`));
    }
  }
  if (databaseUrl || !existsSync(credentialsPath)) return [];
  return [
    `Demo sign-in: see ${credentialsPath}`,
    ...(created ? created.map((a) => `  ${a.username.padEnd(12)} ${a.password}  (${a.role}: ${a.can})`) : []),
  ];
}

const staticDir = process.env.STATIC_DIR || "dist/client";
/*
 * React chooses its build from NODE_ENV when the first screen's server build first loads it (just
 * below): unset, that is the development build, whose checks made drawing the overview take ~12 ms a
 * request instead of ~4. A server that runs the product draws with the production build.
 */
process.env.NODE_ENV ??= "production";
const firstScreen = await loadFirstScreenRenderer(process.env.SSR_DIR || "dist/ssr", staticDir, (m) =>
  console.error(m),
);
const app = createApp({
  db,
  staticDir,
  firstScreen,
  version: APP_VERSION,
  trustProxy,
  ...(cookieSecure === undefined ? {} : { cookieSecure }),
});
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const where = db.engine === "pglite" ? `pglite (${dataDir})` : "postgres";
  console.log(`listening on http://${displayHost}:${info.port} (database: ${where})`);
  for (const line of signInHelp) console.log(line);
});
server.on("error", async (error) => {
  console.error(`server error: ${error.message}`);
  await db.close().catch(() => undefined);
  process.exit(1);
});

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // Past this, a stuck connection must not keep the process alive.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(async () => {
    await db.close().catch((error: unknown) => console.error(`closing the database: ${String(error)}`));
    process.exit(0);
  });
  // Idle keep-alive connections would hold close() open until they time out.
  if ("closeIdleConnections" in server) server.closeIdleConnections();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
