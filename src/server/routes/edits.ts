import type { TSessionInfo } from "@/server/auth/sessions";
import type { TDb } from "@/server/db/types";
import { runEdit, type TEditRun } from "@/server/edits/run-edit";
import { getCommitment } from "@/server/repository/commitments";
import type { THandlers } from "@/server/routes/define";
import { todayInTokyo } from "@/shared/dates";
import type { TEditContext, TEditOutcome } from "@/shared/edits/engine";
import * as edit from "@/shared/edits/records";
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

/** Runs the edit and answers with the record it names, as it is in the edited record. */
const editAndAnswer = <K extends TListKey>(
  db: TDb,
  key: K,
  run: Omit<TEditRun<string>, "edit"> & { edit: (data: TDataset) => TEditOutcome },
) =>
  runEdit(db, run, async (_tx, outcome) => {
    const list = outcome.data[key] as TDataset[K];
    const record = (list as { id: string }[]).find((x) => x.id === outcome.result);
    if (!record) throw new Error(`${run.action}: ${outcome.result} is not in the edited record`);
    return record as TDataset[K][number];
  });

/** Commitments answer as a view as of today (with `overdue`), like GET does. */
const editCommitment = (
  db: TDb,
  run: Omit<TEditRun<string>, "edit"> & { edit: (data: TDataset) => TEditOutcome },
) =>
  runEdit(db, run, async (tx, outcome) => {
    const view = await getCommitment(tx, outcome.result, todayInTokyo(run.ctx.now));
    if (!view) throw new Error(`${run.action}: ${outcome.result} was not stored`);
    return view;
  });

export const editRoutes = {
  createIncident: ({ db, body, session, now }) =>
    editAndAnswer(db, "incidents", {
      action: "createIncident",
      ctx: editContext(session, now),
      edit: (data) => edit.createIncident(data, body),
    }),
  updateIncident: ({ db, params, body, session, now }) =>
    editAndAnswer(db, "incidents", {
      action: "updateIncident",
      ctx: editContext(session, now),
      edit: (data) => edit.updateIncident(data, params.incidentId, body),
    }),
  createCohort: ({ db, body, session, now }) =>
    editAndAnswer(db, "cohorts", {
      action: "createCohort",
      ctx: editContext(session, now),
      edit: (data) => edit.createCohort(data, body),
    }),
  updateCohort: ({ db, params, body, session, now }) =>
    editAndAnswer(db, "cohorts", {
      action: "updateCohort",
      ctx: editContext(session, now),
      edit: (data) => edit.updateCohort(data, params.cohortId, body),
    }),
  addProgressEvent: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return editAndAnswer(db, "cohorts", {
      action: "addProgressEvent",
      ctx,
      edit: (data) => edit.recordProgress(data, params.cohortId, null, body, ctx),
    });
  },
  updateProgressEvent: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return editAndAnswer(db, "cohorts", {
      action: "updateProgressEvent",
      ctx,
      edit: (data) => edit.recordProgress(data, params.cohortId, params.eventId, body, ctx),
    });
  },
  createCommitment: ({ db, body, session, now }) =>
    editCommitment(db, {
      action: "createCommitment",
      ctx: editContext(session, now),
      edit: (data) => edit.createCommitment(data, body),
    }),
  updateCommitment: ({ db, params, body, session, now }) =>
    editCommitment(db, {
      action: "updateCommitment",
      ctx: editContext(session, now),
      edit: (data) => edit.updateCommitment(data, params.commitmentId, body),
    }),
  reportCommitmentDone: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return editCommitment(db, {
      action: "reportCommitmentDone",
      ctx,
      edit: (data) => edit.reportCommitmentDone(data, params.commitmentId, body, ctx),
    });
  },
  verifyCommitment: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return editCommitment(db, {
      action: "verifyCommitment",
      ctx,
      edit: (data) => edit.verifyCommitment(data, params.commitmentId, body, ctx),
    });
  },
  reopenCommitment: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return editCommitment(db, {
      action: "reopenCommitment",
      ctx,
      edit: (data) => edit.reopenCommitment(data, params.commitmentId, body, ctx),
    });
  },
  createDocument: ({ db, body, session, now }) => {
    const ctx = editContext(session, now);
    return editAndAnswer(db, "documents", {
      action: "createDocument",
      ctx,
      edit: (data) => edit.createDocument(data, body, ctx),
    });
  },
  updateDocument: ({ db, params, body, session, now }) => {
    const ctx = editContext(session, now);
    return editAndAnswer(db, "documents", {
      action: "updateDocument",
      ctx,
      edit: (data) => edit.updateDocument(data, params.documentId, body, ctx),
    });
  },
  createMeeting: ({ db, body, session, now }) =>
    editAndAnswer(db, "meetings", {
      action: "createMeeting",
      ctx: editContext(session, now),
      edit: (data) => edit.createMeeting(data, body),
    }),
  updateMeeting: ({ db, params, body, session, now }) =>
    editAndAnswer(db, "meetings", {
      action: "updateMeeting",
      ctx: editContext(session, now),
      edit: (data) => edit.updateMeeting(data, params.meetingId, body),
    }),
  createVendor: ({ db, body, session, now }) =>
    editAndAnswer(db, "vendors", {
      action: "createVendor",
      ctx: editContext(session, now),
      edit: (data) => edit.createVendor(data, body),
    }),
  updateVendor: ({ db, params, body, session, now }) =>
    editAndAnswer(db, "vendors", {
      action: "updateVendor",
      ctx: editContext(session, now),
      edit: (data) => edit.updateVendor(data, params.vendorId, body),
    }),
  createProduct: ({ db, body, session, now }) =>
    editAndAnswer(db, "products", {
      action: "createProduct",
      ctx: editContext(session, now),
      edit: (data) => edit.createProduct(data, body),
    }),
  updateProduct: ({ db, params, body, session, now }) =>
    editAndAnswer(db, "products", {
      action: "updateProduct",
      ctx: editContext(session, now),
      edit: (data) => edit.updateProduct(data, params.productId, body),
    }),
} satisfies THandlers;
