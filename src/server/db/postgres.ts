import pg from "pg";
import { typeParsers } from "./type-parsers";
import type { TDb, TQueryable } from "./types";

export type TPostgresOptions = {
  connectionString: string;
  /** Schema to work in (search_path); tests use one per file so that they can run side by side. */
  schema?: string;
  max?: number;
};

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

const wrap = (client: pg.Pool | pg.PoolClient): TQueryable => ({
  async query<T extends Record<string, unknown>>(sql: string, params?: unknown[]) {
    const result = await client.query<T>(sql, params ?? []);
    return result.rows;
  },
  async exec(sql: string) {
    // Without parameters `pg` uses the simple query protocol, which accepts several statements.
    await client.query(sql);
  },
});

/**
 * One connection (a transaction's) runs one statement at a time: code shared with the pool (which runs
 * reads side by side with Promise.all) is queued here instead of relying on pg's deprecated implicit queue.
 */
const serialized = (inner: TQueryable): TQueryable => {
  let tail: Promise<unknown> = Promise.resolve();
  const turn = <R>(run: () => Promise<R>): Promise<R> => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql, params) => turn(() => inner.query(sql, params)),
    exec: (sql) => turn(() => inner.exec(sql)),
  };
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** PostgreSQL through a `pg` connection pool. */
export const openPostgres = async (options: TPostgresOptions): Promise<TDb> => {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`postgres pool: ${error.message}`));
  // Fail at start, not at the first request, when the database is unreachable.
  await pool.query("SELECT 1");
  const base = wrap(pool);
  let closed = false;
  return {
    engine: "postgres",
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(serialized(wrap(client)));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
};
