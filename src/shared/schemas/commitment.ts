import { z } from "zod";
import { pageQuery, versionField, ZId, ZIsoDate, ZPartialDate, ZSourceRef, ZText } from "./common";

export const ZCommitmentKind = z.enum(["vendor_promise", "board_demand"]);
export type TCommitmentKind = z.infer<typeof ZCommitmentKind>;

/**
 * "The vendor says it is done" and "the association has checked it" are separate steps:
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
  /** Set when the association found the vendor's report of completion wanting; cleared on verification. */
  reopenedDate: ZIsoDate.nullable().default(null),
  reopenedReason: ZText.nullable().default(null),
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
