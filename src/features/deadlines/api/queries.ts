import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiSend, type TBodyOf } from "@/lib/api-client";

export type TDeadlineFilter = {
  /** The reference date (YYYY-MM-DD): "overdue" and "days left" are counted from it. */
  asOf: string;
  withinDays?: number;
  /** One case's deadlines (the overview scoped to a case). */
  caseId?: string;
  incidentId?: string;
};

/** The board's window: what falls due within 14 days is "due soon". */
export const DUE_SOON_DAYS = 14;

/*
 * One factory for every request of the deadlines feature. Deadlines depend on the record and on the
 * day-counting setting; a change to either refreshes every query (every write does: src/lib/query-client.ts),
 * so no key needs the setting's version.
 */
export const deadlineQueries = {
  all: () => ["deadlines"] as const,
  list: ({ asOf, withinDays = DUE_SOON_DAYS, caseId, incidentId }: TDeadlineFilter) =>
    queryOptions({
      queryKey: [...deadlineQueries.all(), "list", { asOf, withinDays, caseId, incidentId }] as const,
      queryFn: ({ signal }) =>
        apiGet("listDeadlines", { query: { asOf, withinDays, caseId, incidentId }, signal }),
    }),
  settings: () =>
    queryOptions({
      queryKey: ["settings"] as const,
      queryFn: ({ signal }) => apiGet("getSettings", { signal }),
    }),
};

export const deadlineMutations = {
  /**
   * The day counting moves every due date on every page (overview, commitments, each incident, the
   * meetings' comparisons): a success refreshes every query (src/lib/query-client.ts), not only this
   * feature's.
   */
  updateSettings: () =>
    mutationOptions({
      mutationKey: ["settings", "update"] as const,
      mutationFn: (body: TBodyOf<"updateSettings">) => apiSend("updateSettings", { body }),
    }),
};
