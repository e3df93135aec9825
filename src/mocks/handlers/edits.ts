import type { TMockSignedIn } from "@/mocks/auth-state";
import { fail, type TMockContext, type TMockImpl } from "@/mocks/define";
import { mockEditContext, runMockEdit } from "@/mocks/store";
import type { TResponseOf } from "@/shared/contract";
import { todayInTokyo } from "@/shared/dates";
import {
  editedRecord,
  RECORD_EDIT_NAMES,
  RECORD_EDITS,
  type TRecordEditName,
} from "@/shared/edits/record-endpoints";
import { commitmentView } from "@/shared/reads/derive";
import type { TCommitment } from "@/shared/schemas/commitment";

/*
 * The record's write endpoints over the mocks' in-memory record: the table of shared edits the server
 * serves (src/shared/edits/record-endpoints.ts), so both accept, refuse and answer alike.
 */

const editMock =
  <N extends TRecordEditName>(name: N): TMockImpl<N> =>
  async (c: TMockContext<N>) => {
    const { list, run } = RECORD_EDITS[name];
    // Every write endpoint is behind sign-in (an editor's), so it always has a session.
    const ctx = mockEditContext(c.signedIn as TMockSignedIn, c.now);
    const outcome = await runMockEdit(c.store, name, ctx, (data) => run(c, data, ctx));
    if (!outcome.ok) return fail(outcome.problem);
    const record = editedRecord(name, outcome);
    // Commitments answer as a view as of today (with `overdue`), like GET does.
    return (
      list === "commitments" ? commitmentView(record as TCommitment, todayInTokyo(ctx.now)) : record
    ) as TResponseOf<N>;
  };

export const editMocks = Object.fromEntries(RECORD_EDIT_NAMES.map((name) => [name, editMock(name)])) as {
  [N in TRecordEditName]: TMockImpl<N>;
};
