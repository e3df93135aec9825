import type { z } from "zod";
import type { TQueryable } from "./types";

/*
 * Rows at the repository boundary, checked: every row a query returns is parsed with the schema the caller
 * names, so a column renamed, a type the driver maps differently on one engine, or a NULL where none was
 * expected fails here, loudly, instead of travelling on as a wrongly typed value.
 */

export const rows = async <S extends z.ZodType>(
  q: TQueryable,
  schema: S,
  sql: string,
  params?: unknown[],
): Promise<z.output<S>[]> => (await q.query(sql, params)).map((row) => schema.parse(row));

/** The first row, checked, or null when there is none. */
export const firstRow = async <S extends z.ZodType>(
  q: TQueryable,
  schema: S,
  sql: string,
  params?: unknown[],
): Promise<z.output<S> | null> => (await rows(q, schema, sql, params))[0] ?? null;
