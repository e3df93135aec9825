import { bumpRevision } from "@/server/db/record-store";
import { appendAudit } from "@/server/edits/audit-log";
import { withEditLock } from "@/server/edits/run-edit";
import { getSettings, writeSettings } from "@/server/repository/settings";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import { changeSettings } from "@/shared/edits/settings";

export const settingRoutes = {
  getSettings: ({ db }) => getSettings(db),
  // One transaction under the edit lock: the version check, the change and its audit entry stand or fall
  // together, in the same order as every other write.
  updateSettings: ({ db, body, session, now }) =>
    withEditLock(db, async (tx) => {
      const current = await getSettings(tx, true);
      const outcome = changeSettings(current, body);
      if (!outcome.ok) throw new HttpProblem(outcome.problem);
      if (outcome.next === null) return current;
      await writeSettings(tx, outcome.next);
      // Readers hold the settings with the record: a new revision makes them read both again.
      await bumpRevision(tx);
      const ctx = editContext(session, now);
      await appendAudit(
        tx,
        [
          {
            action: "updateSettings",
            entityType: "settings",
            entityId: "settings",
            before: current,
            after: outcome.next,
          },
        ],
        { at: ctx.now, actor: ctx.actor },
      );
      return outcome.next;
    }),
} satisfies THandlers;
