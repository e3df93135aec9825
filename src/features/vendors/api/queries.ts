import { keepPreviousData, mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";

// The record is small, but a vendor's history grows every year: ask for a page larger than any year holds.

/** Every case, open or closed: a scorecard is about the vendor, not about the cases still followed. */
const EVERY_CASE = { caseStatus: "all" } as const;

/*
 * One factory for every request the vendors feature makes. Keys run from general to specific, so
 * invalidating ["vendors"] refreshes the scorecards and every vendor page.
 */
export const vendorQueries = {
  all: () => ["vendors"] as const,
  /**
   * The scorecard rows with what a reader needs to weigh them: the incidents each row counts (their chain,
   * so an incident at a subcontractor can be marked as such, and their own figures as of the day), the
   * figures from outside the record kept beside, and how many incidents a median rests on. Every part is
   * asked for as of the same day, so they agree.
   */
  scorecards: (fiscalYear: number | undefined, asOf: string) =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "scorecards", { fiscalYear, asOf }] as const,
      queryFn: async ({ signal }) => {
        const [cards, incidents, affected, intervals] = await Promise.all([
          apiGet("getVendorScorecards", { query: fiscalYear ? { fiscalYear, asOf } : { asOf }, signal }),
          apiGetAll("listIncidents", { signal }),
          apiGet("getAffectedStats", { query: { ...EVERY_CASE, asOf }, signal }),
          apiGet("getIntervalStats", { query: { ...EVERY_CASE, asOf }, signal }),
        ]);
        return {
          asOf: cards.asOf,
          rows: cards.rows,
          incidents: incidents.items,
          affected: affected.incidents,
          outside: affected.outside,
          spans: intervals.spans,
        };
      },
      // Switching the year keeps the last figures (and the year choices) on screen until the new ones arrive.
      placeholderData: keepPreviousData,
    }),
  regulatoryActions: () =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "regulatory-actions"] as const,
      queryFn: ({ signal }) => apiGetAll("listRegulatoryActions", { signal }),
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
  /**
   * The incidents a vendor is involved in (answerable, or on the chain above where it happened) as the
   * record stood on the day, each with its own figures of that day and its chain.
   */
  incidents: (vendorId: string, asOf: string) =>
    queryOptions({
      queryKey: [...vendorQueries.all(), "detail", vendorId, "incidents", { asOf }] as const,
      queryFn: async ({ signal }) => {
        const [list, affected] = await Promise.all([
          apiGetAll("listIncidents", { query: { vendorId }, signal }),
          apiGet("getAffectedStats", { query: { ...EVERY_CASE, vendorId, asOf }, signal }),
        ]);
        const summaries = new Map(list.items.map((i) => [i.id, i]));
        return {
          items: affected.incidents.flatMap((a) => {
            const summary = summaries.get(a.incidentId);
            return summary ? [{ ...summary, affected: a.totals }] : [];
          }),
          outside: affected.outside,
        };
      },
    }),
};

/*
 * Writes to vendors and their services. The server keeps both sides of a vendor↔service link in step,
 * and names show on every page, which is why a success refreshes every query (src/lib/query-client.ts).
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
