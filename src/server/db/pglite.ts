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
  const pg = await PGlite.create(dataDir, { parsers: typeParsers });
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
