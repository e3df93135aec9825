import { z } from "zod";
import { pageQuery, versionField, ZFigure, ZId, ZPartialDate, ZSourceRef, ZText } from "./common";

/** How money is put right. */
export const ZFinancialMethod = z.enum(["rebilling", "data_correction", "offset_next_bill", "refund"]);
/** How people are told. */
export const ZNotificationMethod = z.enum([
  "apology_letter",
  "individual_notice",
  "phone_call",
  "public_notice",
]);

export const ZRemediationMethod = z.enum([...ZFinancialMethod.options, ...ZNotificationMethod.options]);
export type TRemediationMethod = z.infer<typeof ZRemediationMethod>;

export const ZCohortPurpose = z.enum(["financial", "notification"]);
export type TCohortPurpose = z.infer<typeof ZCohortPurpose>;

/** The methods a group of each purpose may use: a letter is not a refund, nor a refund a letter. */
export const METHODS_BY_PURPOSE: Record<TCohortPurpose, readonly TRemediationMethod[]> = {
  financial: ZFinancialMethod.options,
  notification: ZNotificationMethod.options,
};

export const ZCohortStatus = z.enum(["not_started", "in_progress", "completed", "not_reported"]);
export type TCohortStatus = z.infer<typeof ZCohortStatus>;

export const ZProgressEvent = z.strictObject({
  id: ZId,
  cohortId: ZId,
  date: ZPartialDate,
  /** Cumulative people put right (or notified) as of this date, per the vendor's report. */
  doneCount: ZFigure,
  note: ZText.nullable(),
  /**
   * The group's status changed with this report (from → to), so the status on any earlier day can be
   * told from the record; null when it did not change.
   */
  statusChange: z.strictObject({ from: ZCohortStatus, to: ZCohortStatus }).nullable().default(null),
  source: ZSourceRef,
});
export type TProgressEvent = z.infer<typeof ZProgressEvent>;

export const ZCohortFields = z.strictObject({
  id: ZId,
  incidentId: ZId,
  /** A sub-group, whose split from its parent the vendor may not have reported. */
  parentId: ZId.nullable(),
  label: ZText,
  /** Money put right (re-billing, offset, refund) is counted apart from notification (letters). */
  purpose: ZCohortPurpose,
  /** Whose people (one of the organisation's populations). */
  populationId: ZId,
  people: ZFigure,
  /** Money owed back or over-billed per person; null where no money is involved (letters). */
  amountPerPersonYen: ZFigure.nullable(),
  methods: z.array(ZRemediationMethod).min(1),
  /** The status now (the last status change of its progress, or as first recorded). */
  status: ZCohortStatus,
  statusSource: ZSourceRef,
  progress: z.array(ZProgressEvent),
  ...versionField,
});

/** A group's methods and money follow its purpose (for the record and for every draft of it). */
export const checkPurpose = (
  cohort: Pick<z.infer<typeof ZCohortFields>, "purpose" | "methods" | "amountPerPersonYen">,
  ctx: z.RefinementCtx,
) => {
  const allowed = METHODS_BY_PURPOSE[cohort.purpose];
  cohort.methods.forEach((method, i) => {
    if (!allowed.includes(method)) {
      ctx.addIssue({
        code: "custom",
        path: ["methods", i],
        message: `"${method}" is not a way to put right a ${cohort.purpose} group`,
        params: { code: "method_purpose" },
      });
    }
  });
  if (cohort.purpose === "notification" && cohort.amountPerPersonYen !== null) {
    ctx.addIssue({
      code: "custom",
      path: ["amountPerPersonYen"],
      message: "a notification group involves no money",
      params: { code: "no_money_in_notification" },
    });
  }
};

export const ZCohort = ZCohortFields.superRefine(checkPurpose);
export type TCohort = z.infer<typeof ZCohort>;

export const ZCohortListQuery = z.strictObject({
  incidentId: ZId.optional(),
  status: ZCohortStatus.optional(),
  ...pageQuery,
});
