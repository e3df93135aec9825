import { computeDeadlines } from "../deadlines";
import { problem } from "../http";
import type { TDataset } from "../schemas/dataset";
import type { TSettings } from "../schemas/settings";
import type { TMeetingSnapshot } from "../schemas/snapshot";
import { overviewOf } from "./stats";

/** How many days ahead the board pack lists deadlines as "due soon" (as the overview does). */
const SNAPSHOT_WITHIN_DAYS = 14;

/** The answer for a meeting that is not closed (or closed without a snapshot). */
export const noSnapshot = (meetingId: string) =>
  problem(404, `The meeting "${meetingId}" has no snapshot: one is taken when the meeting is closed.`);

/**
 * What the board was shown at a closed meeting: the overview and the deadlines as of the meeting day and
 * the dated record they came from, taken from the record that closed it. A copy: it must not follow any
 * later change of the live record.
 */
export const meetingSnapshotOf = (
  data: Readonly<TDataset>,
  meetingId: string,
  settings: TSettings,
): TMeetingSnapshot => {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting?.closed) throw new Error(`closeMeeting: ${meetingId} is not closed in the record`);
  const asOf = meeting.date;
  return structuredClone({
    meetingId,
    takenAt: meeting.closed.at,
    takenByName: meeting.closed.byName,
    asOf,
    overview: overviewOf(data, asOf),
    deadlines: computeDeadlines(data, settings, { asOf, withinDays: SNAPSHOT_WITHIN_DAYS }),
    record: {
      meetings: data.meetings,
      incidents: data.incidents,
      cohorts: data.cohorts,
      commitments: data.commitments,
      documents: data.documents,
    },
  });
};
