import { fail, type TMockImpls } from "@/mocks/define";
import { appendMockAudit, exclusive, mockEditContext } from "@/mocks/store";
import { changeSettings } from "@/shared/edits/settings";

export const settingMocks = {
  getSettings: ({ store }) => store.settings,
  // As the server: version-checked, and the change and its audit entry in one turn of the write queue.
  updateSettings: ({ store, body, signedIn, now }) =>
    exclusive(store, async () => {
      const current = store.settings;
      const outcome = changeSettings(current, body);
      if (!outcome.ok) return fail(outcome.problem);
      if (outcome.next === null) return current;
      await appendMockAudit(
        store,
        [
          {
            action: "updateSettings",
            entityType: "settings",
            entityId: "settings",
            before: current,
            after: outcome.next,
          },
        ],
        mockEditContext(signedIn, now),
      );
      store.settings = outcome.next;
      return outcome.next;
    }),
} satisfies TMockImpls;
