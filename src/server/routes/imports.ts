import { runEdit } from "@/server/edits/run-edit";
import type { THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import { importProgress } from "@/shared/edits/progress-import";

/*
 * The import of a vendor's progress report: the shared import (src/shared/edits/progress-import.ts) in
 * one transaction with one audit entry per cohort it changed. A dry run reads the same record under the
 * same lock and stores nothing.
 */
export const importRoutes = {
  importProgress: ({ db, body, session, now }) => {
    const ctx = editContext(session, now);
    return runEdit(
      db,
      { action: "importProgress", ctx, edit: (data) => importProgress(data, body, ctx) },
      async (_tx, outcome) => outcome.result,
    );
  },
} satisfies THandlers;
