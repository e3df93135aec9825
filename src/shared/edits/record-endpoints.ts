import type { TEndpointName, TParsedBodyOf, TParsedParamsOf, TResponseOf } from "../contract";
import type { TCommitmentView } from "../schemas/commitment";
import type { TDataset } from "../schemas/dataset";
import type { TOrganisation } from "../schemas/organisation";
import type { TEditContext, TEditOutcome } from "./engine";
import * as edit from "./records";

/*
 * The record's write endpoints: which shared edit (records.ts) each runs and which list holds the record
 * it answers with. The server (src/server/routes/edits.ts) and the mocks (src/mocks/handlers/edits.ts)
 * both serve this one table, so an endpoint cannot run one edit on the server and another in the mocks.
 * Closing a meeting (it also freezes a snapshot) and the progress import (it answers with a report) have
 * handlers of their own.
 */

export type TRecordList =
  | "cases"
  | "incidents"
  | "cohorts"
  | "commitments"
  | "documents"
  | "meetings"
  | "vendors"
  | "services";

export type TRecordEditName = Extract<
  TEndpointName,
  | "updateOrganisation"
  | "createCase"
  | "updateCase"
  | "createIncident"
  | "updateIncident"
  | "createCohort"
  | "updateCohort"
  | "addProgressEvent"
  | "updateProgressEvent"
  | "createCommitment"
  | "updateCommitment"
  | "reportCommitmentDone"
  | "verifyCommitment"
  | "reopenCommitment"
  | "createDocument"
  | "updateDocument"
  | "createMeeting"
  | "updateMeeting"
  | "createVendor"
  | "updateVendor"
  | "createService"
  | "updateService"
>;

/**
 * The lists whose records are what endpoint `N` answers; commitments answer as a view as of today (with
 * `overdue`), as GET does, so the server and the mocks turn the stored commitment into one.
 */
type TAnswerListOf<N extends TRecordEditName> =
  TResponseOf<N> extends TCommitmentView
    ? "commitments"
    : TResponseOf<N> extends TOrganisation
      ? "organisation"
      : { [K in TRecordList]: TDataset[K][number] extends TResponseOf<N> ? K : never }[TRecordList];

export type TRecordEdit<N extends TRecordEditName> = {
  list: TAnswerListOf<N>;
  run: (
    request: { params: TParsedParamsOf<N>; body: TParsedBodyOf<N> },
    data: TDataset,
    ctx: TEditContext,
  ) => TEditOutcome;
};

export const RECORD_EDITS: { [N in TRecordEditName]: TRecordEdit<N> } = {
  updateOrganisation: { list: "organisation", run: (r, data) => edit.updateOrganisation(data, r.body) },
  createCase: { list: "cases", run: (r, data) => edit.createCase(data, r.body) },
  updateCase: { list: "cases", run: (r, data) => edit.updateCase(data, r.params.caseId, r.body) },
  createIncident: { list: "incidents", run: (r, data) => edit.createIncident(data, r.body) },
  updateIncident: {
    list: "incidents",
    run: (r, data) => edit.updateIncident(data, r.params.incidentId, r.body),
  },
  createCohort: { list: "cohorts", run: (r, data) => edit.createCohort(data, r.body) },
  updateCohort: { list: "cohorts", run: (r, data) => edit.updateCohort(data, r.params.cohortId, r.body) },
  addProgressEvent: {
    list: "cohorts",
    run: (r, data, ctx) => edit.recordProgress(data, r.params.cohortId, null, r.body, ctx),
  },
  updateProgressEvent: {
    list: "cohorts",
    run: (r, data, ctx) => edit.recordProgress(data, r.params.cohortId, r.params.eventId, r.body, ctx),
  },
  createCommitment: { list: "commitments", run: (r, data) => edit.createCommitment(data, r.body) },
  updateCommitment: {
    list: "commitments",
    run: (r, data) => edit.updateCommitment(data, r.params.commitmentId, r.body),
  },
  reportCommitmentDone: {
    list: "commitments",
    run: (r, data, ctx) => edit.reportCommitmentDone(data, r.params.commitmentId, r.body, ctx),
  },
  verifyCommitment: {
    list: "commitments",
    run: (r, data, ctx) => edit.verifyCommitment(data, r.params.commitmentId, r.body, ctx),
  },
  reopenCommitment: {
    list: "commitments",
    run: (r, data, ctx) => edit.reopenCommitment(data, r.params.commitmentId, r.body, ctx),
  },
  createDocument: { list: "documents", run: (r, data, ctx) => edit.createDocument(data, r.body, ctx) },
  updateDocument: {
    list: "documents",
    run: (r, data, ctx) => edit.updateDocument(data, r.params.documentId, r.body, ctx),
  },
  createMeeting: { list: "meetings", run: (r, data) => edit.createMeeting(data, r.body) },
  updateMeeting: { list: "meetings", run: (r, data) => edit.updateMeeting(data, r.params.meetingId, r.body) },
  createVendor: { list: "vendors", run: (r, data) => edit.createVendor(data, r.body) },
  updateVendor: { list: "vendors", run: (r, data) => edit.updateVendor(data, r.params.vendorId, r.body) },
  createService: { list: "services", run: (r, data) => edit.createService(data, r.body) },
  updateService: {
    list: "services",
    run: (r, data) => edit.updateService(data, r.params.serviceId, r.body),
  },
};

export const RECORD_EDIT_NAMES = Object.keys(RECORD_EDITS) as TRecordEditName[];

/** The record an edit answers with, as it is in the edited record (a commitment still to be viewed). */
export const editedRecord = <N extends TRecordEditName>(
  name: N,
  outcome: { data: TDataset; result: string },
): TDataset[TRecordList][number] | TOrganisation => {
  const where: TRecordList | "organisation" = RECORD_EDITS[name].list;
  if (where === "organisation") return outcome.data.organisation;
  const list: readonly { id: string }[] = outcome.data[where];
  const record = list.find((x) => x.id === outcome.result);
  if (!record) throw new Error(`${name}: ${outcome.result} is not in the edited record`);
  return record as TDataset[TRecordList][number];
};
