import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "@/server/db/migrate";
import { openDb } from "@/server/db/open-db";
import { seed } from "@/server/db/seed";
import { USER_ADD_ACTOR } from "@/server/edits/system-actor";
import { createUser } from "@/server/repository/users";
import type { TBenchUser } from "./bench-auth";
import { scaleDataset } from "./scale-dataset";

/*
 * The API benchmark's databases: a record `factor` times a year's case (scripts/scale-dataset.ts) loaded
 * the way the server seeds (one transaction), and the viewer and editor the benchmark signs in as, all
 * before the server starts (the embedded database belongs to one process at a time). On PostgreSQL each
 * run gets a scratch database of its own beside the one named, dropped afterwards.
 */

export type TBenchDatabase = { dataDir: string } | { databaseUrl: string };

/** `records`: the stored rows (each case, incident, remediation group… is one). */
export type TSeeded = { seedMs: number; records: number; viewer: TBenchUser; editor: TBenchUser };

const benchUser = (): TBenchUser => ({
  username: `bench-${randomBytes(3).toString("hex")}`,
  password: randomBytes(18).toString("base64url"),
});

export const seedScaled = async (database: TBenchDatabase, factor: number): Promise<TSeeded> => {
  const dataset = scaleDataset(factor);
  const db = await openDb(database);
  try {
    await migrate(db);
    const started = performance.now();
    const { loaded } = await seed(db, dataset);
    const seedMs = performance.now() - started;
    if (!loaded) throw new Error("the benchmark's database already held a record");
    const viewer = benchUser();
    const editor = benchUser();
    for (const [user, role] of [
      [viewer, "viewer"],
      [editor, "editor"],
    ] as const) {
      const created = await createUser(
        db,
        { ...user, displayName: user.username, role },
        new Date(),
        USER_ADD_ACTOR,
      );
      if (!created) throw new Error(`cannot create the benchmark's ${role}`);
    }
    const { organisation: _organisation, ...lists } = dataset;
    const records = 1 + Object.values(lists).reduce((n, list) => n + list.length, 0);
    return { seedMs, records, viewer, editor };
  } finally {
    await db.close();
  }
};

export const withoutPassword = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
};

/** A scratch database beside the one `url` names, so the benchmark never seeds or alters that one. */
export const scratchDatabase = async (url: string) => {
  const name = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};
