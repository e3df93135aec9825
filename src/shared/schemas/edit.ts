import { z } from "zod";
import { ZCase } from "./case";
import { checkPurpose, ZCohortFields, ZCohortStatus, ZProgressEvent } from "./cohort";
import { ZCommitment } from "./commitment";
import { ZId, ZIsoDate, ZText, ZVersion } from "./common";
import { ZSourceDocument } from "./document";
import { ZImpact, ZIncident, ZMilestone } from "./incident";
import { ZMeeting, ZMeetingItem, ZResolution } from "./meeting";
import { ZOrganisation } from "./organisation";
import { ZService } from "./service";
import { ZVendor } from "./vendor";

/*
 * What the secretariat sends to create or change a record. Each draft is the record's own schema without
 * what the server decides: ids (new ones are assigned), versions, derived flags and workflow states that
 * only their own actions may set. An update is the whole draft plus the version it was read at.
 */

const withVersion = { version: ZVersion };
/** A nested item keeps its id when it is edited and gets a new one when it is added. */
const optionalId = { id: ZId.optional() };

export const ZIncidentDraft = ZIncident.omit({ id: true, version: true, number: true }).extend({
  /** Assigned as the next number when left out. */
  number: z.number().int().min(1).max(100_000).optional(),
  chain: z.array(ZId).min(1).max(10),
  /** `outsideRecord` follows the source document, so it is not sent. */
  impact: z.array(ZImpact.omit({ outsideRecord: true }).extend(optionalId)).max(100),
  milestones: z.array(ZMilestone.omit({ outsideRecord: true }).extend(optionalId)).max(100),
});
export type TIncidentDraft = z.infer<typeof ZIncidentDraft>;
export const ZIncidentUpdate = ZIncidentDraft.extend(withVersion);
export type TIncidentUpdate = z.infer<typeof ZIncidentUpdate>;

export const ZCohortDraft = ZCohortFields.omit({ id: true, version: true, progress: true }).superRefine(
  checkPurpose,
);
export type TCohortDraft = z.infer<typeof ZCohortDraft>;
export const ZCohortUpdate = ZCohortFields.omit({ id: true, version: true, progress: true })
  .extend(withVersion)
  .superRefine(checkPurpose);
export type TCohortUpdate = z.infer<typeof ZCohortUpdate>;

/** A dated progress report on a cohort; the cohort's status may change with it (e.g. to completed). */
export const ZProgressEventDraft = ZProgressEvent.omit({
  id: true,
  cohortId: true,
  statusChange: true,
}).extend({
  ...withVersion,
  cohortStatus: ZCohortStatus.optional(),
});
export type TProgressEventDraft = z.infer<typeof ZProgressEventDraft>;

/** Workflow states after `in_progress` are reached only through report-done / verify / reopen. */
export const ZCommitmentEditableStatus = z.enum(["open", "in_progress"]);

export const ZCommitmentDraft = ZCommitment.omit({
  id: true,
  version: true,
  status: true,
  reportedDoneDate: true,
  verifiedDate: true,
  evidence: true,
  reopenedDate: true,
  reopenedReason: true,
  history: true,
}).extend({ status: ZCommitmentEditableStatus.optional() });
export type TCommitmentDraft = z.infer<typeof ZCommitmentDraft>;
export const ZCommitmentUpdate = ZCommitmentDraft.extend(withVersion);
export type TCommitmentUpdate = z.infer<typeof ZCommitmentUpdate>;

/** The vendor says it is done: when, and what it gave as evidence. */
export const ZCommitmentReportDone = z.strictObject({
  ...withVersion,
  reportedDoneDate: ZIsoDate,
  evidence: ZText,
});
/** The organisation checked the vendor's report and accepts it: only now does the commitment count as closed. */
export const ZCommitmentVerify = z.strictObject({ ...withVersion, verifiedDate: ZIsoDate });
/** The organisation does not accept the vendor's report: why, and since when. */
export const ZCommitmentReopen = z.strictObject({ ...withVersion, reopenedDate: ZIsoDate, reason: ZText });

export const ZDocumentDraft = ZSourceDocument.omit({ id: true, version: true }).extend({
  statements: z.array(ZText).max(200),
});
export type TDocumentDraft = z.infer<typeof ZDocumentDraft>;
export const ZDocumentUpdate = ZDocumentDraft.extend(withVersion);

export const ZMeetingDraft = ZMeeting.omit({ id: true, version: true, closed: true }).extend({
  items: z.array(ZMeetingItem.extend(optionalId)).max(100),
  resolutions: z.array(ZResolution.extend(optionalId)).max(100),
});
export type TMeetingDraft = z.infer<typeof ZMeetingDraft>;
export const ZMeetingUpdate = ZMeetingDraft.extend(withVersion);

/** Closing freezes what the board was shown; the version guards against closing a meeting edited meanwhile. */
export const ZMeetingClose = z.strictObject(withVersion);

export const ZVendorDraft = ZVendor.omit({ id: true, version: true });
export type TVendorDraft = z.infer<typeof ZVendorDraft>;
export const ZVendorUpdate = ZVendorDraft.extend(withVersion);

export const ZServiceDraft = ZService.omit({ id: true, version: true });
export type TServiceDraft = z.infer<typeof ZServiceDraft>;
export const ZServiceUpdate = ZServiceDraft.extend(withVersion);

export const ZCaseDraft = ZCase.omit({ id: true, version: true });
export type TCaseDraft = z.infer<typeof ZCaseDraft>;
export const ZCaseUpdate = ZCaseDraft.extend(withVersion);

/** The organisation's settings (administrators): its name, its words, its legal form. */
export const ZOrganisationUpdate = ZOrganisation.omit({ id: true, version: true }).extend(withVersion);
export type TOrganisationUpdate = z.infer<typeof ZOrganisationUpdate>;
