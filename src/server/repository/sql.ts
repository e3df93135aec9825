import { z } from "zod";
import { rows } from "@/server/db/rows";
import type { TQueryable } from "@/server/db/types";

/* SQL helpers for the tables that stay relational (users, sessions, the audit log). */

export type TPage = { limit: number; offset: number };
export type TPageResult<T> = { items: T[]; total: number; limit: number; offset: number };

const ZTotal = z.object({ total: z.coerce.number().int() });

/**
 * One page of a list: `total` counts every row that passes `where`, `items` is the slice in `orderBy`
 * order. `item` builds each row's JSON, checked with `schema`; `params` are the filter's $1..$n.
 */
export const listPage = async <S extends z.ZodType>(
  db: TQueryable,
  schema: S,
  spec: { item: string; from: string; where: string; orderBy: string; params: unknown[] },
  page: TPage,
): Promise<TPageResult<z.output<S>>> => {
  const n = spec.params.length;
  const [counted, items] = await Promise.all([
    rows(db, ZTotal, `SELECT count(*) AS total FROM ${spec.from} WHERE ${spec.where}`, spec.params),
    rows(
      db,
      z.object({ item: schema as z.ZodType }),
      `SELECT ${spec.item} AS item FROM ${spec.from} WHERE ${spec.where}
       ORDER BY ${spec.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...spec.params, page.limit, page.offset],
    ),
  ]);
  return {
    items: items.map((row) => row.item as z.output<S>),
    total: counted[0]?.total ?? 0,
    limit: page.limit,
    offset: page.offset,
  };
};
