import type { TSessionInfo } from "@/server/auth/sessions";
import type { TDb } from "@/server/db/types";
import { runEdit } from "@/server/edits/run-edit";
import type { THandlers } from "@/server/routes/define";
import { todayInTokyo } from "@/shared/dates";
import type { TEditContext, TEditOutcome } from "@/shared/edits/engine";
import * as edit from "@/shared/edits/records";
import { commitmentView } from "@/shared/reads/derive";
import type { TDataset } from "@/shared/schemas/dataset";

/*
 * The record's write endpoints: each runs its shared edit (src/shared/edits/records.ts) in one
 * transaction with its audit entries (run-edit.ts) and answers with the record as stored.
 */

export const editContext = (session: TSessionInfo, now: Date): TEditContext => ({
  now,
  actor: { id: session.userId, username: session.username, displayName: session.displayName },
});

type TListKey = "incidents" | "cohorts" | "documents" | "meetings" | "vendors" | "products";

/** What a write needs of its handler's context. */
type TEditRequest = { db: TDb; session: TSessionInfo; now: Date };

type TEdit = (data: TDataset, ctx: TEditContext) => TEditOutcome;

/** Runs the edit and answers with the record it names, as it is in the edited record. */
const answerRecord = <K extends TListKey>(c: TEditRequest, action: string, key: K, run: TEdit) => {
  const ctx = editContext(c.session, c.now);
  return runEdit(c.db, { action, ctx, edit: (data) => run(data, ctx) }, async (_tx, outcome) => {
    const list = outcome.data[key] as { id: string }[];
    const record = list.find((x) => x.id === outcome.result);
    if (!record) throw new Error(`${action}: ${outcome.result} is not in the edited record`);
    return record as TDataset[K][number];
  });
};

/** Commitments answer as a view as of today (with `overdue`), like GET does. */
const answerCommitment = (c: TEditRequest, action: string, run: TEdit) => {
  const ctx = editContext(c.session, c.now);
  return runEdit(c.db, { action, ctx, edit: (data) => run(data, ctx) }, (_tx, outcome) => {
    const commitment = outcome.data.commitments.find((x) => x.id === outcome.result);
    if (!commitment) throw new Error(`${action}: ${outcome.result} is not in the edited record`);
    return commitmentView(commitment, todayInTokyo(c.now));
  });
};

export const editRoutes = {
  createIncident: (c) =>
    answerRecord(c, "createIncident", "incidents", (data) => edit.createIncident(data, c.body)),
  updateIncident: (c) =>
    answerRecord(c, "updateIncident", "incidents", (data) =>
      edit.updateIncident(data, c.params.incidentId, c.body),
    ),
  createCohort: (c) => answerRecord(c, "createCohort", "cohorts", (data) => edit.createCohort(data, c.body)),
  updateCohort: (c) =>
    answerRecord(c, "updateCohort", "cohorts", (data) => edit.updateCohort(data, c.params.cohortId, c.body)),
  addProgressEvent: (c) =>
    answerRecord(c, "addProgressEvent", "cohorts", (data, ctx) =>
      edit.recordProgress(data, c.params.cohortId, null, c.body, ctx),
    ),
  updateProgressEvent: (c) =>
    answerRecord(c, "updateProgressEvent", "cohorts", (data, ctx) =>
      edit.recordProgress(data, c.params.cohortId, c.params.eventId, c.body, ctx),
    ),
  createCommitment: (c) =>
    answerCommitment(c, "createCommitment", (data) => edit.createCommitment(data, c.body)),
  updateCommitment: (c) =>
    answerCommitment(c, "updateCommitment", (data) =>
      edit.updateCommitment(data, c.params.commitmentId, c.body),
    ),
  reportCommitmentDone: (c) =>
    answerCommitment(c, "reportCommitmentDone", (data, ctx) =>
      edit.reportCommitmentDone(data, c.params.commitmentId, c.body, ctx),
    ),
  verifyCommitment: (c) =>
    answerCommitment(c, "verifyCommitment", (data, ctx) =>
      edit.verifyCommitment(data, c.params.commitmentId, c.body, ctx),
    ),
  reopenCommitment: (c) =>
    answerCommitment(c, "reopenCommitment", (data, ctx) =>
      edit.reopenCommitment(data, c.params.commitmentId, c.body, ctx),
    ),
  createDocument: (c) =>
    answerRecord(c, "createDocument", "documents", (data, ctx) => edit.createDocument(data, c.body, ctx)),
  updateDocument: (c) =>
    answerRecord(c, "updateDocument", "documents", (data, ctx) =>
      edit.updateDocument(data, c.params.documentId, c.body, ctx),
    ),
  createMeeting: (c) =>
    answerRecord(c, "createMeeting", "meetings", (data) => edit.createMeeting(data, c.body)),
  updateMeeting: (c) =>
    answerRecord(c, "updateMeeting", "meetings", (data) =>
      edit.updateMeeting(data, c.params.meetingId, c.body),
    ),
  createVendor: (c) => answerRecord(c, "createVendor", "vendors", (data) => edit.createVendor(data, c.body)),
  updateVendor: (c) =>
    answerRecord(c, "updateVendor", "vendors", (data) => edit.updateVendor(data, c.params.vendorId, c.body)),
  createProduct: (c) =>
    answerRecord(c, "createProduct", "products", (data) => edit.createProduct(data, c.body)),
  updateProduct: (c) =>
    answerRecord(c, "updateProduct", "products", (data) =>
      edit.updateProduct(data, c.params.productId, c.body),
    ),
} satisfies THandlers;
