import type { TMockSignedIn } from "@/mocks/auth-state";
import { fail, type TMockImpls } from "@/mocks/define";
import { commitmentView } from "@/mocks/derive";
import { mockEditContext, runMockEdit, type TMockStore } from "@/mocks/store";
import { todayInTokyo } from "@/shared/dates";
import type { TEditContext, TEditOutcome } from "@/shared/edits/engine";
import * as edit from "@/shared/edits/records";
import type { TDataset } from "@/shared/schemas/dataset";

/*
 * The record's write endpoints over the mocks' in-memory record: the same shared edits the server runs
 * (src/shared/edits/records.ts), so both accept, refuse and answer alike.
 */

/** What a write needs of its request context. */
type TEditRequest = { store: TMockStore; signedIn: TMockSignedIn; now: number };

type TListKey = "incidents" | "cohorts" | "documents" | "meetings" | "vendors" | "products";

const answer = async <K extends TListKey>(
  c: TEditRequest,
  action: string,
  key: K,
  run: (data: TDataset, ctx: TEditContext) => TEditOutcome,
) => {
  const ctx = mockEditContext(c.signedIn, c.now);
  const outcome = await runMockEdit(c.store, action, ctx, (data) => run(data, ctx));
  if (!outcome.ok) return fail(outcome.problem);
  const list = outcome.data[key] as { id: string }[];
  return list.find((x) => x.id === outcome.result) as TDataset[K][number];
};

const answerCommitment = async (
  c: TEditRequest,
  action: string,
  run: (data: TDataset, ctx: TEditContext) => TEditOutcome,
) => {
  const ctx = mockEditContext(c.signedIn, c.now);
  const outcome = await runMockEdit(c.store, action, ctx, (data) => run(data, ctx));
  if (!outcome.ok) return fail(outcome.problem);
  const commitment = outcome.data.commitments.find((x) => x.id === outcome.result);
  if (!commitment) throw new Error(`${action}: ${outcome.result} is not in the edited record`);
  return commitmentView(commitment, todayInTokyo(ctx.now));
};

export const editMocks = {
  createIncident: (c) =>
    answer(c, "createIncident", "incidents", (data) => edit.createIncident(data, c.body)),
  updateIncident: (c) =>
    answer(c, "updateIncident", "incidents", (data) =>
      edit.updateIncident(data, c.params.incidentId, c.body),
    ),
  createCohort: (c) => answer(c, "createCohort", "cohorts", (data) => edit.createCohort(data, c.body)),
  updateCohort: (c) =>
    answer(c, "updateCohort", "cohorts", (data) => edit.updateCohort(data, c.params.cohortId, c.body)),
  addProgressEvent: (c) =>
    answer(c, "addProgressEvent", "cohorts", (data, ctx) =>
      edit.recordProgress(data, c.params.cohortId, null, c.body, ctx),
    ),
  updateProgressEvent: (c) =>
    answer(c, "updateProgressEvent", "cohorts", (data, ctx) =>
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
    answer(c, "createDocument", "documents", (data, ctx) => edit.createDocument(data, c.body, ctx)),
  updateDocument: (c) =>
    answer(c, "updateDocument", "documents", (data, ctx) =>
      edit.updateDocument(data, c.params.documentId, c.body, ctx),
    ),
  createMeeting: (c) => answer(c, "createMeeting", "meetings", (data) => edit.createMeeting(data, c.body)),
  updateMeeting: (c) =>
    answer(c, "updateMeeting", "meetings", (data) => edit.updateMeeting(data, c.params.meetingId, c.body)),
  createVendor: (c) => answer(c, "createVendor", "vendors", (data) => edit.createVendor(data, c.body)),
  updateVendor: (c) =>
    answer(c, "updateVendor", "vendors", (data) => edit.updateVendor(data, c.params.vendorId, c.body)),
  createProduct: (c) => answer(c, "createProduct", "products", (data) => edit.createProduct(data, c.body)),
  updateProduct: (c) =>
    answer(c, "updateProduct", "products", (data) => edit.updateProduct(data, c.params.productId, c.body)),
} satisfies TMockImpls;
