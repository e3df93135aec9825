/** The one small interface both engines (embedded PGlite, PostgreSQL over `pg`) implement with the same SQL. */
export type TQueryable = {
  /** Rows as the driver gives them: read them through `rows`/`firstRow` (rows.ts), which check each one. */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs one or more statements without parameters (migrations); returns nothing. */
  exec(sql: string): Promise<void>;
};

export type TDb = TQueryable & {
  engine: "pglite" | "postgres";
  /** Runs `fn` in one transaction: on any error nothing of it is stored. */
  transaction<T>(fn: (tx: TQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};
