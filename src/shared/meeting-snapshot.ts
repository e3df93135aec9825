import { computeDeadlines } from "./deadlines";
import { problem } from "./http";
import type { TDataset } from "./schemas/dataset";
import type { TMeeting } from "./schemas/meeting";
import type { TSettings } from "./schemas/settings";
import type { TMeetingSnapshot } from "./schemas/snapshot";
import type { TOverview } from "./schemas/stats";

/*
 * What closing a meeting freezes, built alike by the server (src/server/routes/snapshots.ts) and the
 * mocks (src/mocks/handlers/snapshots.ts): each computes the overview its own way (SQL, or the mocks'
 * derivations) and hands it in; the rest is the same record and the same deadlines.
 */

/** How many days ahead the board pack lists deadlines as "due soon" (as the overview does). */
const SNAPSHOT_WITHIN_DAYS = 14;

/** The 404 of a meeting without a snapshot, in the same words everywhere (the contract suite compares them). */
export const noSnapshot = (meetingId: string) =>
  problem(404, `The meeting "${meetingId}" has no snapshot: one is taken when the meeting is closed.`);

/**
 * The snapshot of a meeting just closed in `data`: the overview and the deadlines as of the meeting day,
 * and the dated record they came from.
 */
export const meetingSnapshot = (
  meeting: TMeeting & { closed: NonNullable<TMeeting["closed"]> },
  data: TDataset,
  settings: TSettings,
  overview: TOverview,
): TMeetingSnapshot => ({
  meetingId: meeting.id,
  takenAt: meeting.closed.at,
  takenByName: meeting.closed.byName,
  asOf: meeting.date,
  overview,
  deadlines: computeDeadlines(data, settings, { asOf: meeting.date, withinDays: SNAPSHOT_WITHIN_DAYS }),
  record: {
    meetings: data.meetings,
    incidents: data.incidents,
    cohorts: data.cohorts,
    commitments: data.commitments,
    documents: data.documents,
  },
});
