import type { TSessionInfo } from "@/server/auth/sessions";
import { runEdit } from "@/server/edits/run-edit";
import type { THandler, THandlerContext } from "@/server/routes/define";
import type { TResponseOf } from "@/shared/contract";
import { todayInTokyo } from "@/shared/dates";
import type { TEditContext } from "@/shared/edits/engine";
import {
  editedRecord,
  RECORD_EDIT_NAMES,
  RECORD_EDITS,
  type TRecordEditName,
} from "@/shared/edits/record-endpoints";
import { commitmentView } from "@/shared/reads/derive";

/*
 * The record's write endpoints: each runs its shared edit (src/shared/edits/record-endpoints.ts, the
 * table the mocks serve too) in one transaction with its audit entries (run-edit.ts) and answers with the
 * record as stored.
 */

export const editContext = (session: TSessionInfo, now: Date): TEditContext => ({
  now,
  actor: { id: session.userId, username: session.username, displayName: session.displayName },
});

const editRoute =
  <N extends TRecordEditName>(name: N): THandler<N> =>
  (c: THandlerContext<N>) => {
    const { list, run } = RECORD_EDITS[name];
    // Every write endpoint is behind sign-in (an editor's), so it always has a session.
    const ctx = editContext(c.session as TSessionInfo, c.now);
    return runEdit(c.db, { action: name, ctx, edit: (data) => run(c, data, ctx) }, (_tx, outcome) => {
      if (list !== "commitments") return editedRecord(name, outcome) as TResponseOf<N>;
      // Commitments answer as a view as of today (with `overdue`), like GET does.
      const commitment = outcome.data.commitments.find((x) => x.id === outcome.result);
      if (!commitment) throw new Error(`${name}: ${outcome.result} is not in the edited record`);
      return commitmentView(commitment, todayInTokyo(c.now)) as TResponseOf<N>;
    });
  };

export const editRoutes = Object.fromEntries(RECORD_EDIT_NAMES.map((name) => [name, editRoute(name)])) as {
  [N in TRecordEditName]: THandler<N>;
};
