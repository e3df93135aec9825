/** The one small interface both engines (embedded PGlite, PostgreSQL over `pg`) implement with the same SQL. */
export type TQueryable = {
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations); returns nothing. */
  exec(sql: string): Promise<void>;
};

export type TDb = TQueryable & {
  engine: "pglite" | "postgres";
  /** Runs `fn` in one transaction: on any error nothing of it is stored. */
  transaction<T>(fn: (tx: TQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};
