import { writeRecord } from "@/server/db/records";
import type { TDb, TQueryable } from "@/server/db/types";
import { appendAudit } from "@/server/edits/audit-log";
import { loadDataset } from "@/server/repository/dataset";
import { HttpProblem } from "@/server/routes/define";
import type { TEditContext, TEditOutcome, TEditSuccess } from "@/shared/edits/engine";
import type { TDataset } from "@/shared/schemas/dataset";

/*
 * Every write to the record, in one transaction: take the edit lock, read the record, run the shared edit
 * (src/shared/edits), store the records it changed, append one audit entry per change, then let the
 * caller read its answer back. Any error rolls all of it back.
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
  answer: (tx: TQueryable, outcome: TEditSuccess<R>) => Promise<A>,
): Promise<A> =>
  db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [EDIT_LOCK_KEY]);
    const outcome = await run.edit(await loadDataset(tx));
    if (!outcome.ok) throw new HttpProblem(outcome.problem);
    for (const change of outcome.changes) {
      await writeRecord(tx, outcome.data, change.entityType, change.entityId);
    }
    await appendAudit(
      tx,
      outcome.changes.map((change) => ({ action: run.action, ...change })),
      { at: run.ctx.now, actor: run.ctx.actor },
    );
    return answer(tx, outcome);
  });

/** Runs `fn` under the edit lock without the record (settings, users): same ordering guarantees. */
export const withEditLock = <T>(db: TDb, fn: (tx: TQueryable) => Promise<T>) =>
  db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [EDIT_LOCK_KEY]);
    return fn(tx);
  });
