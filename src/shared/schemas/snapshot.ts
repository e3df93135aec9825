import { z } from "zod";
import { ZCohort } from "./cohort";
import { ZCommitment } from "./commitment";
import { ZId, ZIsoDate } from "./common";
import { ZDeadlines } from "./deadline";
import { ZSourceDocument } from "./document";
import { ZIncident } from "./incident";
import { ZMeeting } from "./meeting";
import { ZOverview } from "./stats";

/**
 * What the board was shown at a meeting, frozen when the meeting was closed: the overview's figures as of
 * the meeting day and the dated record they came from. Later edits never change it.
 */
export const ZMeetingSnapshot = z.strictObject({
  meetingId: ZId,
  takenAt: z.iso.datetime(),
  takenByName: z.string(),
  asOf: ZIsoDate,
  overview: ZOverview,
  deadlines: ZDeadlines,
  record: z.strictObject({
    meetings: z.array(ZMeeting),
    incidents: z.array(ZIncident),
    cohorts: z.array(ZCohort),
    commitments: z.array(ZCommitment),
    documents: z.array(ZSourceDocument),
  }),
});
export type TMeetingSnapshot = z.infer<typeof ZMeetingSnapshot>;
