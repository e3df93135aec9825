import { runEdit } from "@/server/edits/run-edit";
import { findSnapshot, insertSnapshot } from "@/server/repository/snapshots";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import * as edit from "@/shared/edits/records";
import { notFound } from "@/shared/http";
import { meetingSnapshotOf, noSnapshot } from "@/shared/reads/snapshot";

/*
 * Closing a meeting freezes what the board was shown: in the same transaction that marks the meeting
 * closed, the shared snapshot (src/shared/reads/snapshot.ts) is written once to meeting_snapshots. Later
 * edits change the live record, never the snapshot.
 */

export const snapshotRoutes = {
  closeMeeting: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return runEdit(
      db,
      { action: "closeMeeting", ctx, edit: (data) => edit.closeMeeting(data, params.meetingId, body, ctx) },
      async (tx, outcome, held) => {
        const snapshot = meetingSnapshotOf(outcome.data, outcome.result, held.settings);
        await insertSnapshot(tx, snapshot);
        const meeting = outcome.data.meetings.find((m) => m.id === outcome.result);
        if (!meeting) throw new Error(`closeMeeting: ${outcome.result} is not in the edited record`);
        return meeting;
      },
    );
  },
  getMeetingSnapshot: async ({ db, params, record }) => {
    const { data } = await record();
    const meeting = data.meetings.find((m) => m.id === params.meetingId);
    if (!meeting) throw new HttpProblem(notFound("meeting", params.meetingId));
    const snapshot = meeting.closed ? await findSnapshot(db, meeting.id) : null;
    if (!snapshot) throw new HttpProblem(noSnapshot(params.meetingId));
    return snapshot;
  },
} satisfies THandlers;
