import { z } from "zod";
import { firstRow, rows } from "@/server/db/rows";
import type { TQueryable } from "@/server/db/types";
import { listPage, type TPage } from "@/server/repository/sql";
import { chainEntries, checkEntries, checkHead, GENESIS_HASH, type TAuditDraft } from "@/shared/audit";
import {
  type TAuditActor,
  type TAuditEntry,
  type TAuditVerification,
  ZAuditEntry,
} from "@/shared/schemas/audit";

/*
 * The audit log in the database (migration 003): appended in the same transaction as the change it
 * records, read newest first, verified end to end.
 */

const entryJson = (a: string) => `jsonb_build_object(
  'seq', ${a}.seq,
  'at', to_char(${a}.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'actor', jsonb_build_object('id', ${a}.actor_id, 'username', ${a}.actor_username, 'displayName', ${a}.actor_name),
  'action', ${a}.action, 'entityType', ${a}.entity_type, 'entityId', ${a}.entity_id,
  'before', ${a}.before, 'after', ${a}.after, 'prevHash', ${a}.prev_hash, 'hash', ${a}.hash
)`;

type THead = { seq: number; hash: string };

const ZHead = z.object({ seq: z.coerce.number().int(), hash: z.string() });

const readHead = (tx: TQueryable, lock: boolean): Promise<THead | null> =>
  firstRow(tx, ZHead, `SELECT seq, hash FROM audit_head${lock ? " FOR UPDATE" : ""}`);

/**
 * Appends entries for one write. Callers hold the edit lock (src/server/edits/run-edit.ts), and the head
 * row is locked too, so two writers never chain onto the same entry.
 */
export const appendAudit = async (
  tx: TQueryable,
  drafts: readonly TAuditDraft[],
  meta: { at: Date; actor: TAuditActor },
): Promise<TAuditEntry[]> => {
  if (drafts.length === 0) return [];
  const head = await readHead(tx, true);
  const entries = await chainEntries(head, drafts, meta);
  for (const e of entries) {
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor_username, actor_name, action, entity_type, entity_id,
         before, after, prev_hash, hash)
       VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
      [
        e.seq,
        e.at,
        e.actor.id,
        e.actor.username,
        e.actor.displayName,
        e.action,
        e.entityType,
        e.entityId,
        e.before === null ? null : JSON.stringify(e.before),
        e.after === null ? null : JSON.stringify(e.after),
        e.prevHash,
        e.hash,
      ],
    );
  }
  const last = entries[entries.length - 1] as TAuditEntry;
  await tx.query(
    `INSERT INTO audit_head (singleton, seq, hash) VALUES (true, $1, $2)
     ON CONFLICT (singleton) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    [last.seq, last.hash],
  );
  return entries;
};

/** The log, newest first; entries about users (accounts, roles) only for administrators. */
export const listAudit = (
  db: TQueryable,
  filter: { entityType?: string | undefined; entityId?: string | undefined; includeUsers: boolean },
  page: TPage,
) =>
  listPage(
    db,
    ZAuditEntry,
    {
      item: entryJson("a"),
      from: "audit_log a",
      where: `($1::text IS NULL OR a.entity_type = $1) AND ($2::text IS NULL OR a.entity_id = $2)
        AND ($3::boolean OR a.entity_type <> 'user')`,
      orderBy: "a.seq DESC",
      params: [filter.entityType ?? null, filter.entityId ?? null, filter.includeUsers],
    },
    page,
  );

const BATCH = 500;

/** Checks the whole chain in seq order, a batch at a time, and names every entry at fault. */
export const verifyAudit = async (db: TQueryable, now: Date): Promise<TAuditVerification> => {
  const state = { lastSeq: 0, lastHash: GENESIS_HASH };
  const problems: TAuditVerification["problems"] = [];
  let entries = 0;
  let after = 0;
  for (;;) {
    const found = await rows(
      db,
      z.object({ item: ZAuditEntry }),
      `SELECT ${entryJson("a")} AS item FROM audit_log a WHERE a.seq > $1 ORDER BY a.seq LIMIT ${BATCH}`,
      [after],
    );
    if (found.length === 0) break;
    const batch = found.map((row) => row.item);
    problems.push(...(await checkEntries(batch, state)));
    entries += batch.length;
    after = (batch[batch.length - 1] as TAuditEntry).seq;
  }
  problems.push(...checkHead(await readHead(db, false), state));
  return {
    ok: problems.length === 0,
    entries,
    lastSeq: state.lastSeq,
    lastHash: entries > 0 ? state.lastHash : null,
    problems,
    checkedAt: now.toISOString(),
  };
};
