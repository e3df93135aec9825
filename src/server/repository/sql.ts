import type { TQueryable } from "@/server/db/types";

/*
 * SQL fragments that turn the relational columns back into the contract's JSON shapes (see the column
 * conventions in db/migrations/001-initial-schema.sql). `a` is a table alias, `name` a column prefix.
 */

/** ZText from <name>_ja / <name>_en. */
export const text = (a: string, name: string) =>
  `jsonb_build_object('ja', ${a}.${name}_ja, 'en', ${a}.${name}_en)`;

/** Nullable ZText: both columns are null together (a CHECK says so). */
export const textOrNull = (a: string, name: string) =>
  `CASE WHEN ${a}.${name}_ja IS NULL THEN NULL ELSE ${text(a, name)} END`;

/** ZSourceRef from <name>_document_id / <name>_cites. */
export const source = (a: string, name: string) =>
  `jsonb_build_object('documentId', ${a}.${name}_document_id, 'cites', to_jsonb(${a}.${name}_cites))`;

/** ZFigure from its ten columns; null when the status is null (a nullable figure). */
export const figure = (a: string, name: string) => {
  const p = `${a}.${name}`;
  const src = source(a, name);
  return `CASE ${p}_status
    WHEN 'reported' THEN jsonb_build_object('status', 'reported', 'value', ${p}_value, 'source', ${src})
    WHEN 'derived' THEN jsonb_build_object('status', 'derived', 'value', ${p}_value,
      'formula', ${text(a, `${name}_formula`)}, 'source', ${src})
    WHEN 'approximate' THEN jsonb_build_object('status', 'approximate',
      'label', ${text(a, `${name}_label`)}, 'source', ${src})
    WHEN 'not_reported' THEN jsonb_build_object('status', 'not_reported',
      'missing', ${text(a, `${name}_missing`)}, 'source', ${src})
  END`;
};

/** A full date column as YYYY-MM-DD (null stays null), independent of the session's DateStyle. */
export const isoDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** A JSON array of `item` over `from` (a FROM … WHERE … clause), in `orderBy` order; [] when empty. */
export const jsonArray = (item: string, from: string, orderBy: string) =>
  `COALESCE((SELECT jsonb_agg(${item} ORDER BY ${orderBy}) FROM ${from}), '[]'::jsonb)`;

/** Commitment statuses that still need work (docs/api-semantics.md "open-ish"). */
export const OPEN_ISH_SQL = "('open', 'in_progress', 'reopened')";

export type TPage = { limit: number; offset: number };
export type TPageResult<T> = { items: T[]; total: number; limit: number; offset: number };

/**
 * One page of a list: `total` counts every row that passes `where`, `items` is the slice in `orderBy`
 * order. `item` builds each row's JSON; `params` are the filter's $1..$n.
 */
export const listPage = async <T>(
  db: TQueryable,
  spec: { item: string; from: string; where: string; orderBy: string; params: unknown[] },
  page: TPage,
): Promise<TPageResult<T>> => {
  const n = spec.params.length;
  const [counted, rows] = await Promise.all([
    db.query<{ total: number }>(
      `SELECT count(*) AS total FROM ${spec.from} WHERE ${spec.where}`,
      spec.params,
    ),
    db.query<{ item: T }>(
      `SELECT ${spec.item} AS item FROM ${spec.from} WHERE ${spec.where}
       ORDER BY ${spec.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...spec.params, page.limit, page.offset],
    ),
  ]);
  return {
    items: rows.map((row) => row.item),
    total: counted[0]?.total ?? 0,
    limit: page.limit,
    offset: page.offset,
  };
};
