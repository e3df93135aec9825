import { fail, type TMockImpls } from "@/mocks/define";
import { appendMockAudit, exclusive, mockEditContext } from "@/mocks/store";
import * as edit from "@/shared/edits/records";
import { notFound } from "@/shared/http";
import { meetingSnapshotOf, noSnapshot } from "@/shared/reads/snapshot";

/*
 * Closing a meeting over the mocks' record (as src/server/routes/snapshots.ts does on the server): the
 * shared edit marks it closed and, in the same turn of the write queue, the shared snapshot is frozen into
 * store.snapshots.
 */

export const snapshotMocks = {
  closeMeeting: async ({ store, signedIn, now, params, body }) => {
    const ctx = mockEditContext(signedIn, now);
    // One turn of the write queue for the edit, its audit entry and the snapshot, as one transaction.
    const outcome = await exclusive(store, async () => {
      const result = edit.closeMeeting(store.data, params.meetingId, body, ctx);
      if (!result.ok) return result;
      const snapshot = meetingSnapshotOf(result.data, result.result, store.settings);
      await appendMockAudit(
        store,
        result.changes.map((change) => ({ action: "closeMeeting", ...change })),
        ctx,
      );
      store.data = result.data;
      store.snapshots = new Map(store.snapshots).set(result.result, snapshot);
      return result;
    });
    if (!outcome.ok) return fail(outcome.problem);
    const meeting = outcome.data.meetings.find((m) => m.id === outcome.result);
    if (!meeting) throw new Error(`closeMeeting: ${outcome.result} is not in the edited record`);
    return meeting;
  },
  getMeetingSnapshot: ({ data, store, params }) => {
    const meeting = data.meetings.find((m) => m.id === params.meetingId);
    if (!meeting) return fail(notFound("meeting", params.meetingId));
    const snapshot = meeting.closed ? store.snapshots.get(meeting.id) : undefined;
    return snapshot ?? fail(noSnapshot(params.meetingId));
  },
} satisfies TMockImpls;
