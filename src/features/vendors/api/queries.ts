import { keepPreviousData, mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiSend, type TBodyOf } from "@/lib/api-client";

// The record is small, but a vendor's history grows every year: ask for a page larger than any year holds.
const PAGE = { limit: 500 } as const;

/*
 * One factory for every request the vendors feature makes. Keys run from general to specific, so
 * invalidating ["vendors"] refreshes the scorecards and every vendor page.
 */
export const vendorQueries = {
  all: () => ["vendors"] as const,
  /**
   * The scorecard rows with what a reader needs to weigh them: which incidents each row counts, how many
   * incidents a median rests on and whether a date comes from outside the record, and whether any of the
   * commitments has a due date at all. `asOf` is passed to both aggregates so they agree to the day.
   */
  scorecards: (fiscalYear: number | undefined, asOf: string) =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "scorecards", { fiscalYear, asOf }] as const,
      queryFn: async ({ signal }) => {
        const [cards, incidents, commitments, intervals] = await Promise.all([
          apiGet("getVendorScorecards", { query: fiscalYear ? { fiscalYear, asOf } : { asOf }, signal }),
          apiGet("listIncidents", { query: PAGE, signal }),
          apiGet("listCommitments", { query: { ...PAGE, asOf }, signal }),
          apiGet("getIntervalStats", { query: {}, signal }),
        ]);
        return {
          asOf: cards.asOf,
          rows: cards.rows,
          incidents: incidents.items,
          commitments: commitments.items,
          spans: intervals.spans,
        };
      },
      // Switching the year keeps the last figures (and the year choices) on screen until the new ones arrive.
      placeholderData: keepPreviousData,
    }),
  regulatoryActions: () =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "regulatory-actions"] as const,
      queryFn: ({ signal }) => apiGet("listRegulatoryActions", { query: PAGE, signal }),
    }),
  detail: (vendorId: string) =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "detail", vendorId] as const,
      queryFn: ({ signal }) => apiGet("getVendor", { params: { vendorId }, signal }),
    }),
  service: (serviceId: string) =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "service", serviceId] as const,
      queryFn: ({ signal }) => apiGet("getService", { params: { serviceId }, signal }),
    }),
  incidents: (vendorId: string) =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "detail", vendorId, "incidents"] as const,
      queryFn: ({ signal }) => apiGet("listIncidents", { query: { vendorId, ...PAGE }, signal }),
    }),
};

/*
 * Writes to vendors and their services (insurance schemes). The server keeps both sides of a
 * vendor↔service link in step, and names show on every page, which is why a success refreshes every
 * query (src/lib/query-client.ts).
 */
export const vendorMutations = {
  createVendor: () =>
    mutationOptions({
      mutationKey: [...vendorQueries.all(), "create"] as const,
      mutationFn: (body: TBodyOf<"createVendor">) => apiSend("createVendor", { body }),
    }),
  updateVendor: () =>
    mutationOptions({
      mutationKey: [...vendorQueries.all(), "update"] as const,
      mutationFn: ({ vendorId, body }: { vendorId: string; body: TBodyOf<"updateVendor"> }) =>
        apiSend("updateVendor", { params: { vendorId }, body }),
    }),
  createService: () =>
    mutationOptions({
      mutationKey: [...vendorQueries.all(), "service", "create"] as const,
      mutationFn: (body: TBodyOf<"createService">) => apiSend("createService", { body }),
    }),
  updateService: () =>
    mutationOptions({
      mutationKey: [...vendorQueries.all(), "service", "update"] as const,
      mutationFn: ({ serviceId, body }: { serviceId: string; body: TBodyOf<"updateService"> }) =>
        apiSend("updateService", { params: { serviceId }, body }),
    }),
};
