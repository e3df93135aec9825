import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { firstRow } from "./rows";
import type { TDb, TQueryable } from "./types";

/*
 * Versioned migrations: src/server/db/migrations/NNN-name.sql, applied in order, each in its own
 * transaction together with its row in schema_migrations. A transaction-scoped advisory lock keyed on the
 * schema makes servers that start at the same time take turns instead of applying a migration twice.
 */

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

export type TMigration = { version: number; name: string; sql: string; checksum: string };

const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;

export const loadMigrations = async (dir = MIGRATIONS_DIR): Promise<TMigration[]> => {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".sql")).sort();
  const migrations: TMigration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`migration file name must be NNN-name.sql: ${file}`);
    const sql = await readFile(`${dir}/${file}`, "utf8");
    migrations.push({
      version: Number(match[1]),
      name: match[2] as string,
      sql,
      checksum: createHash("sha256").update(sql).digest("hex"),
    });
  }
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new Error(`migrations must be numbered 001, 002, … without gaps: ${migration.version}`);
    }
  });
  return migrations;
};

/** Serialises migrations (and the seed) per schema, for the rest of the calling transaction. */
export const lockSchema = (tx: TQueryable) =>
  tx.query("SELECT pg_advisory_xact_lock(hashtext('board-governance:' || current_schema()))");

export type TMigrateResult = { applied: string[]; skipped: string[] };

export const migrate = async (db: TDb, migrations?: TMigration[]): Promise<TMigrateResult> => {
  const all = migrations ?? (await loadMigrations());
  await db.transaction(async (tx) => {
    await lockSchema(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const result: TMigrateResult = { applied: [], skipped: [] };
  for (const migration of all) {
    const label = `${String(migration.version).padStart(3, "0")}-${migration.name}`;
    const applied = await db.transaction(async (tx) => {
      await lockSchema(tx);
      const done = await firstRow(
        tx,
        z.object({ checksum: z.string() }),
        "SELECT checksum FROM schema_migrations WHERE version = $1",
        [migration.version],
      );
      if (done) {
        // An applied migration is history: editing it would leave databases that differ silently.
        if (done.checksum !== migration.checksum) {
          throw new Error(`migration ${label} was changed after it was applied; add a new migration instead`);
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    (applied ? result.applied : result.skipped).push(label);
  }
  return result;
};
