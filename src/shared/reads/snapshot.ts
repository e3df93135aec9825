import { computeDeadlines } from "../deadlines";
import { problem } from "../http";
import type { TDataset } from "../schemas/dataset";
import type { TSettings } from "../schemas/settings";
import type { TMeetingSnapshot } from "../schemas/snapshot";
import { datedAfter, recordAsOf } from "./as-of";
import { overviewOf } from "./stats";

/** How many days ahead the board pack lists deadlines as "due soon" (as the overview does). */
const SNAPSHOT_WITHIN_DAYS = 14;

/** The answer for a meeting that is not closed (or closed without a snapshot). */
export const noSnapshot = (meetingId: string) =>
  problem(404, `The meeting "${meetingId}" has no snapshot: one is taken when the meeting is closed.`);

/**
 * What the board was shown at a closed meeting: the overview and the deadlines as of the meeting day and
 * the record as it stood that day, taken from the record that closed it. Whatever the record holds dated
 * after the day (recorded before the meeting was closed, however late) is left out and counted, so the
 * snapshot can say so. A copy: it must not follow any later change of the live record.
 */
export const meetingSnapshotOf = (
  data: Readonly<TDataset>,
  meetingId: string,
  settings: TSettings,
): TMeetingSnapshot => {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting?.closed) throw new Error(`closeMeeting: ${meetingId} is not closed in the record`);
  const asOf = meeting.date;
  const record = recordAsOf(data, asOf);
  // The meeting covers every case that existed on its day, whatever has become of them since.
  const now = new Date(meeting.closed.at);
  return structuredClone({
    meetingId,
    takenAt: meeting.closed.at,
    takenByName: meeting.closed.byName,
    asOf,
    overview: overviewOf(data, settings, { asOf, caseStatus: "all" }, now),
    deadlines: computeDeadlines(data, settings, { asOf, withinDays: SNAPSHOT_WITHIN_DAYS, limit: 500 }),
    excluded: datedAfter(data, asOf),
    record: {
      cases: record.cases,
      meetings: record.meetings,
      incidents: record.incidents,
      cohorts: record.cohorts,
      commitments: record.commitments,
      documents: record.documents,
    },
  });
};
