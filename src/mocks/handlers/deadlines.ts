import type { TMockImpls } from "@/mocks/define";
import { todayInTokyo } from "@/shared/dates";
import { computeDeadlines } from "@/shared/deadlines";

export const deadlineMocks = {
  listDeadlines: ({ store, query, now }) =>
    computeDeadlines(store.data, store.settings, {
      asOf: query.asOf ?? todayInTokyo(new Date(now)),
      withinDays: query.withinDays,
      incidentId: query.incidentId,
    }),
} satisfies TMockImpls;
