import { publishRecord, readRecordForWrite, type THeldRecord, writeRecords } from "@/server/db/record-store";
import type { TDb, TQueryable } from "@/server/db/types";
import { appendAudit } from "@/server/edits/audit-log";
import { HttpProblem } from "@/server/routes/define";
import type { TEditContext, TEditOutcome, TEditSuccess } from "@/shared/edits/engine";
import type { TDataset } from "@/shared/schemas/dataset";

/*
 * Every write to the record, in one transaction: take the edit lock, bring the record up to date, run the
 * shared edit (src/shared/edits), store the records it changed, append one audit entry per change, then let
 * the caller build its answer. Any error rolls all of it back; only a committed write becomes what the
 * next reader starts from.
 */

/** Writers take turns (a transaction-scoped advisory lock): the record and the audit chain stay linear. */
const EDIT_LOCK_KEY = 4_204_202;

export type TEditRun<R> = {
  action: string;
  ctx: TEditContext;
  edit: (data: TDataset) => TEditOutcome<R> | Promise<TEditOutcome<R>>;
};

export const runEdit = async <R, A>(
  db: TDb,
  run: TEditRun<R>,
  /** Builds the answer inside the transaction; `held` is the record the edit started from. */
  answer: (tx: TQueryable, outcome: TEditSuccess<R>, held: THeldRecord) => Promise<A> | A,
): Promise<A> => {
  const { result, written } = await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [EDIT_LOCK_KEY]);
    const held = await readRecordForWrite(db, tx);
    const outcome = await run.edit(held.data);
    if (!outcome.ok) throw new HttpProblem(outcome.problem);
    const next =
      outcome.changes.length === 0
        ? null
        : await writeRecords(
            tx,
            held,
            outcome.data,
            outcome.changes.map((change) => ({ kind: change.entityType, id: change.entityId })),
          );
    await appendAudit(
      tx,
      outcome.changes.map((change) => ({ action: run.action, ...change })),
      { at: run.ctx.now, actor: run.ctx.actor },
    );
    return { result: await answer(tx, outcome, held), written: next };
  });
  if (written) publishRecord(db, written);
  return result;
};

/** Runs `fn` under the edit lock without the record (settings, users): same ordering guarantees. */
export const withEditLock = <T>(db: TDb, fn: (tx: TQueryable) => Promise<T>) =>
  db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [EDIT_LOCK_KEY]);
    return fn(tx);
  });
