import type { TQueryable } from "@/server/db/types";

/**
 * Tests only: a query whose rows the test asserts on directly, typed as the test says without a check.
 * Product code reads rows through `rows`/`firstRow` (src/server/db/rows.ts), which parse every row.
 */
export const queryAs = async <T>(db: TQueryable, sql: string, params?: unknown[]): Promise<T[]> =>
  (await db.query(sql, params)) as T[];
