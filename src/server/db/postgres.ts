import pg from "pg";
import { typeParsers } from "./type-parsers";
import type { TDb, TQueryable } from "./types";

export type TPostgresOptions = {
  connectionString: string;
  /** Schema to work in (search_path); tests use one per file so that they can run side by side. */
  schema?: string;
  max?: number;
  /** Longest a statement may run (ms) before PostgreSQL cancels it. */
  statementTimeoutMs?: number;
  log?: (message: string) => void;
};

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

const wrap = (client: pg.Pool | pg.PoolClient): TQueryable => ({
  async query(sql: string, params?: unknown[]) {
    const result = await client.query<Record<string, unknown>>(sql, params ?? []);
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

/** SQLSTATE classes and codes that mean the server or the connection went away, not that the query was wrong. */
const UNAVAILABLE_STATES = /^(08|57P0[1-3]|53300)/;
const UNAVAILABLE_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);

/**
 * Whether an error means the database cannot be reached right now (a restart, a dropped connection, too
 * many clients): the request is answered 503 and may be tried again; the server stays up.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown };
  if (typeof e.code === "string" && (UNAVAILABLE_STATES.test(e.code) || UNAVAILABLE_CODES.has(e.code))) {
    return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(
    e.message,
  );
};

/** PostgreSQL through a `pg` connection pool. */
export const openPostgres = async (options: TPostgresOptions): Promise<TDb> => {
  const log = options.log ?? ((message: string) => console.error(message));
  const statementTimeout = options.statementTimeoutMs ?? 15_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    // A request never waits long for a connection or a statement: it fails, and the next one reconnects.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    // A transaction left open (a request that died) must not hold its locks for long.
    idle_in_transaction_session_timeout: 30_000,
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // A pooled client losing its connection (a restart, a network cut) emits 'error': without a listener the
  // process would die. The pool drops that client and connects a new one for the next request.
  pool.on("error", (error) => log(`postgres: an idle connection was lost: ${error.message}`));
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
      // The same for the connection a transaction holds: an 'error' mid-transaction fails this request only.
      let lost: Error | null = null;
      const onError = (error: Error) => {
        lost = error;
        log(`postgres: a connection was lost during a transaction: ${error.message}`);
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await fn(serialized(wrap(client)));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        if (!lost && isDatabaseUnavailable(error)) lost = error as Error;
        if (!lost) await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.off("error", onError);
        // A broken connection goes back destroyed, never to be handed to the next request.
        client.release(lost ?? undefined);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
};
