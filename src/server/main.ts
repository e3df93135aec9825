import { serve } from "@hono/node-server";
import { createApp } from "@/server/app";
import { migrate } from "@/server/db/migrate";
import { DEFAULT_DATA_DIR, openDb } from "@/server/db/open-db";
import { seed } from "@/server/db/seed";
import { APP_VERSION } from "@/shared/version";

/*
 * Starts the server: PORT (8080), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; otherwise embedded PGlite
 * in DATA_DIR, default ./data), STATIC_DIR (dist/client). Migrates and seeds before listening; stops
 * cleanly on SIGINT/SIGTERM (server first, then the database).
 */

const port = Number(process.env.PORT || 8080);
const host = process.env.HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;

const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir });
try {
  await migrate(db);
  await seed(db);
} catch (error) {
  console.error(`database setup failed: ${error instanceof Error ? error.message : String(error)}`);
  await db.close().catch(() => undefined);
  process.exit(1);
}

const app = createApp({ db, staticDir: process.env.STATIC_DIR || "dist/client", version: APP_VERSION });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const where = db.engine === "pglite" ? `pglite (${dataDir})` : "postgres";
  console.log(
    `listening on http://${host.includes(":") ? `[${host}]` : host}:${info.port} (database: ${where})`,
  );
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
