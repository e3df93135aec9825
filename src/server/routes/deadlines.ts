import { loadDataset } from "@/server/repository/dataset";
import { getSettings } from "@/server/repository/settings";
import type { THandlers } from "@/server/routes/define";
import { todayInTokyo } from "@/shared/dates";
import { computeDeadlines } from "@/shared/deadlines";

export const deadlineRoutes = {
  listDeadlines: async ({ db, query, now }) => {
    // The record and the setting as one snapshot: a concurrent settings change cannot split them.
    const [data, settings] = await db.transaction(
      async (tx) => [await loadDataset(tx), await getSettings(tx)] as const,
    );
    return computeDeadlines(data, settings, {
      asOf: query.asOf ?? todayInTokyo(now),
      withinDays: query.withinDays,
      incidentId: query.incidentId,
    });
  },
} satisfies THandlers;
