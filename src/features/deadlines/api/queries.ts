import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";
import { referenceQueries } from "@/lib/reference-queries";
import { DEADLINE_PANEL_ROWS, DUE_SOON_DAYS as WINDOW_DAYS } from "@/shared/overview-limits";
import type { TDeadlineOwner, TDeadlines } from "@/shared/schemas/deadline";

export type TDeadlineFilter = {
  /** The reference date (YYYY-MM-DD): "overdue" and "days left" are counted from it. */
  asOf: string;
  withinDays?: number;
  incidentId?: string;
  /** One case's deadlines (the overview scoped to a case). */
  caseId?: string;
  owner?: TDeadlineOwner;
};

/** The board's window: what falls due within 14 days is "due soon" (shared with the first screen's list). */
export const DUE_SOON_DAYS = WINDOW_DAYS;

/** A page of deadlines, most pressing first: enough for any screen; the rest is asked for on demand. */
export const DEADLINES_PAGE = 100;
/** Rows the overview's panel has room for: it asks for no more (the API answers most pressing first). */
export const PANEL_ROWS = DEADLINE_PANEL_ROWS;
/** The API's largest page: "show every deadline" reads the list in pages of this size. */

const queryOf = ({ asOf, withinDays = DUE_SOON_DAYS, incidentId, caseId, owner }: TDeadlineFilter) => ({
  asOf,
  withinDays,
  incidentId,
  caseId,
  owner,
});

/*
 * One factory for every request of the deadlines feature. Deadlines depend on the record and on the
 * day-counting setting; a change to either refreshes every query (every write does: src/lib/query-client.ts),
 * so no key needs the setting's version.
 */
export const deadlineQueries = {
  all: () => ["deadlines"] as const,
  /** The first page (most pressing first), with the counts and the total of every deadline. */
  list: (filter: TDeadlineFilter) =>
    queryOptions({
      queryKey: [...deadlineQueries.all(), "list", queryOf(filter)] as const,
      queryFn: ({ signal }) =>
        apiGet("listDeadlines", { query: { ...queryOf(filter), limit: DEADLINES_PAGE }, signal }),
    }),
  /**
   * The overview's panel: the counts of every deadline, and only the few most pressing it shows (overdue,
   * due soon, then 未報告 — the API's order), so the answer stays small however many the record holds.
   */
  panel: (filter: TDeadlineFilter) =>
    queryOptions({
      queryKey: [...deadlineQueries.all(), "panel", queryOf(filter)] as const,
      queryFn: ({ signal }) =>
        apiGet("listDeadlines", { query: { ...queryOf(filter), limit: PANEL_ROWS }, signal }),
    }),
  /** Every deadline, read page by page: what "show all" shows, however many the record gives rise to. */
  every: (filter: TDeadlineFilter) =>
    queryOptions({
      queryKey: [...deadlineQueries.all(), "every", queryOf(filter)] as const,
      queryFn: ({ signal }): Promise<TDeadlines> =>
        apiGetAll("listDeadlines", { query: queryOf(filter), signal }),
    }),
  /** The cases, only to name the case a deadline belongs to. */
  // The reference list, shared with the overview's scope bar: one request for both.
  cases: () => referenceQueries.cases(),
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
