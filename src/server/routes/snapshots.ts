import { runEdit } from "@/server/edits/run-edit";
import { findSnapshot, insertSnapshot, readSettings } from "@/server/repository/snapshots";
import { overview } from "@/server/repository/stats";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import { computeDeadlines } from "@/shared/deadlines";
import * as edit from "@/shared/edits/records";
import { notFound, problem } from "@/shared/http";
import type { TMeetingSnapshot } from "@/shared/schemas/snapshot";

/*
 * Closing a meeting freezes what the board was shown: in the same transaction that marks the meeting
 * closed, the overview and the deadlines as of the meeting day, and the dated record they came from, are
 * written once to meeting_snapshots. Later edits change the live record, never the snapshot.
 */

/** How many days ahead the board pack lists deadlines as "due soon" (as the overview does). */
const SNAPSHOT_WITHIN_DAYS = 14;

/** Same words as the mocks' (src/mocks/handlers/snapshots.ts): the contract suite compares them. */
const noSnapshot = (meetingId: string) =>
  problem(404, `The meeting "${meetingId}" has no snapshot: one is taken when the meeting is closed.`);

export const snapshotRoutes = {
  closeMeeting: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return runEdit(
      db,
      { action: "closeMeeting", ctx, edit: (data) => edit.closeMeeting(data, params.meetingId, body, ctx) },
      async (tx, outcome) => {
        const meeting = outcome.data.meetings.find((m) => m.id === outcome.result);
        if (!meeting?.closed) throw new Error(`closeMeeting: ${outcome.result} is not closed in the record`);
        const asOf = meeting.date;
        const settings = await readSettings(tx);
        const { data } = outcome;
        const snapshot: TMeetingSnapshot = {
          meetingId: meeting.id,
          takenAt: meeting.closed.at,
          takenByName: meeting.closed.byName,
          asOf,
          overview: await overview(tx, asOf),
          deadlines: computeDeadlines(data, settings, { asOf, withinDays: SNAPSHOT_WITHIN_DAYS }),
          record: {
            meetings: data.meetings,
            incidents: data.incidents,
            cohorts: data.cohorts,
            commitments: data.commitments,
            documents: data.documents,
          },
        };
        await insertSnapshot(tx, snapshot);
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
