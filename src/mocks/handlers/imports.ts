import { fail, type TMockImpls } from "@/mocks/define";
import { mockEditContext, runMockEdit } from "@/mocks/store";
import { importProgress } from "@/shared/edits/progress-import";

/** The import over the mocks' record: the same shared import the server runs, so both answer alike. */
export const importMocks = {
  importProgress: async (c) => {
    const ctx = mockEditContext(c.signedIn, c.now);
    const outcome = await runMockEdit(c.store, "importProgress", ctx, (data) =>
      importProgress(data, c.body, ctx),
    );
    if (!outcome.ok) return fail(outcome.problem);
    return outcome.result;
  },
} satisfies TMockImpls;
