import { z } from "zod";
import { ZCase } from "./case";
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
 * the meeting day and the record as it stood that day. Later edits never change it.
 */
export const ZMeetingSnapshot = z.strictObject({
  meetingId: ZId,
  takenAt: z.iso.datetime(),
  takenByName: z.string(),
  asOf: ZIsoDate,
  overview: ZOverview,
  deadlines: ZDeadlines,
  /** What the record held, when the meeting was closed, dated after the meeting day: left out above. */
  excluded: z.strictObject({
    incidents: z.number().int().min(0),
    milestones: z.number().int().min(0),
    progress: z.number().int().min(0),
    commitments: z.number().int().min(0),
    commitmentSteps: z.number().int().min(0),
    documents: z.number().int().min(0),
  }),
  record: z.strictObject({
    cases: z.array(ZCase),
    meetings: z.array(ZMeeting),
    incidents: z.array(ZIncident),
    cohorts: z.array(ZCohort),
    commitments: z.array(ZCommitment),
    documents: z.array(ZSourceDocument),
  }),
});
export type TMeetingSnapshot = z.infer<typeof ZMeetingSnapshot>;
