import { z } from "zod";
import { pageQuery, versionField, ZFigure, ZId, ZPartialDate, ZSourceRef, ZText } from "./common";

export const ZRemediationMethod = z.enum([
  "rebilling",
  "data_correction",
  "offset_next_bill",
  "refund",
  "apology_letter",
]);
export type TRemediationMethod = z.infer<typeof ZRemediationMethod>;

export const ZCohortStatus = z.enum(["not_started", "in_progress", "completed", "not_reported"]);
export type TCohortStatus = z.infer<typeof ZCohortStatus>;

export const ZProgressEvent = z.strictObject({
  id: ZId,
  cohortId: ZId,
  date: ZPartialDate,
  /** Cumulative members put right as of this date, per the vendor's report. */
  doneCount: ZFigure,
  note: ZText.nullable(),
  source: ZSourceRef,
});
export type TProgressEvent = z.infer<typeof ZProgressEvent>;

export const ZCohort = z.strictObject({
  id: ZId,
  incidentId: ZId,
  /** A sub-group whose split the vendor may not have reported (the 1,854 corrected on 07-25). */
  parentId: ZId.nullable(),
  label: ZText,
  /** Money put right (re-billing, offset, refund) is counted apart from notification (apology letters). */
  purpose: z.enum(["financial", "notification"]),
  members: ZFigure,
  /** Money owed back or over-billed per member; null where no money is involved (apology letters). */
  amountPerMemberYen: ZFigure.nullable(),
  methods: z.array(ZRemediationMethod).min(1),
  status: ZCohortStatus,
  statusSource: ZSourceRef,
  progress: z.array(ZProgressEvent),
  ...versionField,
});
export type TCohort = z.infer<typeof ZCohort>;

export const ZCohortListQuery = z.strictObject({
  incidentId: ZId.optional(),
  status: ZCohortStatus.optional(),
  ...pageQuery,
});
