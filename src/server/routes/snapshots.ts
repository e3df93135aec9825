import { runEdit } from "@/server/edits/run-edit";
import { findSnapshot, insertSnapshot, readSettings } from "@/server/repository/snapshots";
import { overview } from "@/server/repository/stats";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import * as edit from "@/shared/edits/records";
import { notFound } from "@/shared/http";
import { meetingSnapshot, noSnapshot } from "@/shared/meeting-snapshot";

/*
 * Closing a meeting freezes what the board was shown: in the same transaction that marks the meeting
 * closed, the overview and the deadlines as of the meeting day, and the dated record they came from, are
 * written once to meeting_snapshots. Later edits change the live record, never the snapshot.
 */

export const snapshotRoutes = {
  closeMeeting: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return runEdit(
      db,
      { action: "closeMeeting", ctx, edit: (data) => edit.closeMeeting(data, params.meetingId, body, ctx) },
      async (tx, outcome) => {
        const meeting = outcome.data.meetings.find((m) => m.id === outcome.result);
        if (!meeting?.closed) throw new Error(`closeMeeting: ${outcome.result} is not closed in the record`);
        const closed = { ...meeting, closed: meeting.closed };
        const figures = await overview(tx, meeting.date);
        await insertSnapshot(tx, meetingSnapshot(closed, outcome.data, await readSettings(tx), figures));
        return meeting;
      },
    );
  },
  getMeetingSnapshot: async ({ db, params }) => {
    const found = await findSnapshot(db, params.meetingId);
    if (found.meeting === "missing") throw new HttpProblem(notFound("meeting", params.meetingId));
    if (found.meeting === "open" || !found.snapshot) throw new HttpProblem(noSnapshot(params.meetingId));
    return found.snapshot;
  },
} satisfies THandlers;
