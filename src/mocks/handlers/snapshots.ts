import { fail, type TMockImpls } from "@/mocks/define";
import { statsMocks } from "@/mocks/handlers/stats";
import { appendMockAudit, exclusive, mockEditContext } from "@/mocks/store";
import * as edit from "@/shared/edits/records";
import { notFound } from "@/shared/http";
import { meetingSnapshot, noSnapshot } from "@/shared/meeting-snapshot";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TSettings } from "@/shared/schemas/settings";
import type { TMeetingSnapshot } from "@/shared/schemas/snapshot";
import type { TOverview } from "@/shared/schemas/stats";

/*
 * Closing a meeting over the mocks' record (as src/server/routes/snapshots.ts does on the server): the
 * shared edit marks it closed and, in the same turn of the write queue, the overview and deadlines as of
 * the meeting day and the dated record are frozen into store.snapshots.
 */

/** The overview exactly as GET /stats/overview?asOf= answers it in the mocks. */
const overviewAsOf = (data: TDataset, asOf: string) =>
  statsMocks.getOverview({ data, query: { asOf } } as Parameters<
    typeof statsMocks.getOverview
  >[0]) as TOverview;

const snapshotOf = (data: TDataset, meetingId: string, settings: TSettings): TMeetingSnapshot => {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting?.closed) throw new Error(`closeMeeting: ${meetingId} is not closed in the record`);
  const closed = { ...meeting, closed: meeting.closed };
  // A copy: what the board was shown must not follow any later change of the live record.
  return structuredClone(meetingSnapshot(closed, data, settings, overviewAsOf(data, meeting.date)));
};

export const snapshotMocks = {
  closeMeeting: async ({ store, signedIn, now, params, body }) => {
    const ctx = mockEditContext(signedIn, now);
    // One turn of the write queue for the edit, its audit entry and the snapshot, as one transaction.
    const outcome = await exclusive(store, async () => {
      const result = edit.closeMeeting(store.data, params.meetingId, body, ctx);
      if (!result.ok) return result;
      const snapshot = snapshotOf(result.data, result.result, store.settings);
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
