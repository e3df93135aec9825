import { z } from "zod";
import { pageQuery, versionField, ZId, ZIsoDate, ZPartialDate, ZSourceRef, ZText } from "./common";

export const ZCommitmentKind = z.enum(["vendor_promise", "board_demand"]);
export type TCommitmentKind = z.infer<typeof ZCommitmentKind>;

/**
 * "The vendor says it is done" and "the organisation has checked it" are separate steps:
 * only `verified` counts as closed.
 */
export const ZCommitmentStatus = z.enum([
  "open",
  "in_progress",
  "vendor_reported_done",
  "verified",
  "reopened",
]);
export type TCommitmentStatus = z.infer<typeof ZCommitmentStatus>;

/** One step of the workflow, dated: the status on any day is told by replaying the steps up to it. */
export const ZCommitmentStep = z.strictObject({
  step: z.enum(["reported_done", "verified", "reopened"]),
  date: ZIsoDate,
  /** The vendor's evidence (reported_done) or the reason for reopening (reopened). */
  text: ZText.nullable(),
});
export type TCommitmentStep = z.infer<typeof ZCommitmentStep>;

export const ZCommitment = z.strictObject({
  id: ZId,
  kind: ZCommitmentKind,
  text: ZText,
  /** The words as the source has them, when it quotes them. */
  quote: z.string().nullable(),
  owedByIds: z.array(ZId).min(1),
  incidentIds: z.array(ZId),
  madeInDocumentId: ZId.nullable(),
  madeAtMeetingId: ZId.nullable(),
  madeOn: ZPartialDate.nullable(),
  dueDate: ZIsoDate.nullable(),
  reportedDoneDate: ZIsoDate.nullable(),
  verifiedDate: ZIsoDate.nullable(),
  evidence: ZText.nullable(),
  status: ZCommitmentStatus,
  /** Set when the organisation found the vendor's report of completion wanting; cleared on verification. */
  reopenedDate: ZIsoDate.nullable().default(null),
  reopenedReason: ZText.nullable().default(null),
  /** Every report of completion, verification and reopening, in order (the fields above are the last ones). */
  history: z.array(ZCommitmentStep).max(200).default([]),
  source: ZSourceRef,
  ...versionField,
});
export type TCommitment = z.infer<typeof ZCommitment>;

/** As served: with whether it is overdue as of the request's reference date. */
export const ZCommitmentView = ZCommitment.extend({ overdue: z.boolean() });
export type TCommitmentView = z.infer<typeof ZCommitmentView>;

export const ZCommitmentListQuery = z.strictObject({
  vendorId: ZId.optional(),
  incidentId: ZId.optional(),
  kind: ZCommitmentKind.optional(),
  status: ZCommitmentStatus.optional(),
  dueBefore: ZIsoDate.optional(),
  overdue: z.enum(["true", "false"]).optional(),
  asOf: ZIsoDate.optional(),
  ...pageQuery,
});
export type TCommitmentListQuery = z.infer<typeof ZCommitmentListQuery>;
