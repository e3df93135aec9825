import { PGlite, type Transaction } from "@electric-sql/pglite";
import { typeParsers } from "./type-parsers";
import type { TDb, TQueryable } from "./types";

const wrap = (target: PGlite | Transaction): TQueryable => ({
  async query<T extends Record<string, unknown>>(sql: string, params?: unknown[]) {
    const result = await target.query<T>(sql, params ?? []);
    return result.rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

/** Embedded PostgreSQL (WASM) keeping its files in `dataDir`; `memory://` keeps them in memory. */
export const openPglite = async (dataDir: string): Promise<TDb> => {
  // PostgreSQL's default 128 MB of shared buffers costs ~800 MB of resident WASM memory here; the record
  // is small, and 16 MB brings the process to ~200 MB with no measurable loss (see `npm run bench:api`).
  const pg = await PGlite.create(dataDir, { parsers: typeParsers, postgresqlconf: ["shared_buffers=16MB"] });
  const base = wrap(pg);
  let closed = false;
  return {
    engine: "pglite",
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
};
