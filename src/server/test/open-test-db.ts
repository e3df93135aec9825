import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "@/server/db/migrate";
import { openDb } from "@/server/db/open-db";
import { seed } from "@/server/db/seed";
import type { TDb } from "@/server/db/types";
import { queryAs } from "@/server/test/query-as";
import type { TDataset } from "@/shared/schemas/dataset";

/*
 * A database of its own for one test file: embedded PGlite in a temporary folder, or — when
 * TEST_DATABASE_URL is set and the engine asked for is "postgres" — a fresh schema in that PostgreSQL
 * database, so that test files running side by side never see each other's rows. Migrated and seeded
 * with the 2025 case unless told otherwise (`dataset` seeds another record). Opening PGlite costs a few
 * seconds: open one per file (beforeAll) and close it in afterAll.
 */

export type TTestEngine = "pglite" | "postgres";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** The engines to run database tests on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export const testEngines: readonly TTestEngine[] = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TTestDbOptions = {
  /** Default "pglite". "postgres" needs TEST_DATABASE_URL. */
  engine?: TTestEngine;
  /** Apply the migrations (default true). */
  migrate?: boolean;
  /** Load the 2025 case (default: as `migrate`; true implies migrate). */
  seed?: boolean;
  /**
   * Load this dataset instead of the 2025 case (implies migrate and seed): a test fixture, or several
   * merged (src/shared/seed/fixtures/), checked and stored as the seed stores the demo.
   */
  dataset?: TDataset;
};

export type TTestDb = {
  /** The open database; replaced by `restart()`. */
  db: TDb;
  engine: TTestEngine;
  /** Closes the database and opens the same storage again, as a server restart would. */
  restart(): Promise<TDb>;
  /**
   * Replaces the record with another dataset and restarts (a fresh handle holds nothing of the previous
   * record; users and sessions stay). Far cheaper than opening another PGlite. Only for a record nothing
   * was written to: edits' audit entries and meeting snapshots would outlive the record they name.
   */
  loadDataset(dataset: TDataset): Promise<TDb>;
  /** Closes the database and deletes its storage (the folder or the schema). */
  close(): Promise<void>;
};

export const openTestDb = async (options: TTestDbOptions = {}): Promise<TTestDb> => {
  const engine = options.engine ?? "pglite";
  let open: () => Promise<TDb>;
  let remove: () => Promise<void>;
  if (engine === "postgres") {
    const databaseUrl = TEST_DATABASE_URL;
    if (!databaseUrl) throw new Error("the postgres test engine needs TEST_DATABASE_URL");
    const schema = `test_${process.pid}_${randomBytes(6).toString("hex")}`;
    open = () => openDb({ databaseUrl, schema });
    remove = async () => {
      const admin = await openDb({ databaseUrl });
      try {
        await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await admin.close();
      }
    };
    const admin = await openDb({ databaseUrl });
    try {
      await admin.exec(`CREATE SCHEMA "${schema}"`);
    } finally {
      await admin.close();
    }
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), "bgd-test-pglite-"));
    open = () => openDb({ dataDir });
    remove = () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }

  let db = await open();
  try {
    const loadSeed = options.dataset !== undefined || (options.seed ?? options.migrate !== false);
    if (loadSeed || options.migrate !== false) await migrate(db);
    if (loadSeed) await seed(db, options.dataset);
  } catch (error) {
    await db.close().catch(() => undefined);
    await remove();
    throw error;
  }

  const handle: TTestDb = {
    db,
    engine,
    async restart() {
      await db.close();
      db = await open();
      handle.db = db;
      return db;
    },
    async loadDataset(dataset) {
      const snapshots = await queryAs<{ n: number }>(db, "SELECT count(*)::int AS n FROM meeting_snapshots");
      if ((snapshots[0]?.n ?? 0) > 0) throw new Error("loadDataset: the record has meeting snapshots");
      await db.transaction(async (tx) => {
        await tx.query("DELETE FROM record_documents");
        await tx.query("UPDATE record_head SET rev = 0");
      });
      await seed(db, dataset);
      return handle.restart();
    },
    async close() {
      await db.close().catch(() => undefined);
      await remove();
    },
  };
  return handle;
};

/**
 * A digest of every row of every table of the schema: equal digests mean no stored data changed
 * (tests of bad input use it to prove that nothing was written).
 */
export const dataDigest = async (db: TDb): Promise<string> => {
  const tables = await queryAs<{ name: string }>(
    db,
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
     ORDER BY table_name COLLATE "C"`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await queryAs<{ digest: string | null; n: number }>(
      db,
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text COLLATE "C")) AS digest FROM "${name}" t`,
    );
    parts.push(`${name}:${rows[0]?.n}:${rows[0]?.digest}`);
  }
  return parts.join("\n");
};
