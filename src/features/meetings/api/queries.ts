import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { ApiError, apiGet, apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";

// The record is small, but it grows every year: ask for a page larger than any year holds.

/*
 * One factory for every request the meetings feature makes. Keys run from general to specific, so
 * invalidating ["meetings"] refreshes the list, every meeting and the dated record.
 */
export const meetingQueries = {
  all: () => ["meetings"] as const,
  list: () =>
    queryOptions({
      queryKey: [...meetingQueries.all(), "list"] as const,
      queryFn: ({ signal }) => apiGetAll("listMeetings", { signal }),
    }),
  detail: (meetingId: string) =>
    queryOptions({
      queryKey: [...meetingQueries.all(), "detail", meetingId] as const,
      queryFn: ({ signal }) => apiGet("getMeeting", { params: { meetingId }, signal }),
    }),
  /**
   * Every dated record a board pack compares across meetings: meetings, incidents with their milestones
   * (only the incident detail carries them), remediation progress, commitments and documents.
   */
  record: () =>
    queryOptions({
      queryKey: [...meetingQueries.all(), "record"] as const,
      queryFn: async ({ signal }) => {
        const [meetings, summaries, cohorts, commitments, documents] = await Promise.all([
          apiGetAll("listMeetings", { signal }),
          apiGetAll("listIncidents", { signal }),
          apiGetAll("listCohorts", { signal }),
          apiGetAll("listCommitments", { signal }),
          apiGetAll("listDocuments", { signal }),
        ]);
        const incidents = await Promise.all(
          summaries.items.map((i) => apiGet("getIncident", { params: { incidentId: i.id }, signal })),
        );
        return {
          meetings: meetings.items,
          incidents,
          cohorts: cohorts.items,
          commitments: commitments.items,
          documents: documents.items,
        };
      },
    }),
  /** What the board was shown at a closed meeting, frozen when it closed (404 while it is open). */
  snapshot: (meetingId: string) =>
    queryOptions({
      queryKey: [...meetingQueries.all(), "snapshot", meetingId] as const,
      queryFn: ({ signal }) => apiGet("getMeetingSnapshot", { params: { meetingId }, signal }),
      // A snapshot never changes once taken.
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /**
   * The same figures from today's record, as of a meeting's day (for a meeting that is not closed): the
   * record as it stood that day, every case that existed then (open or since closed), as closing the
   * meeting would freeze them. The deadlines are read separately so that a failure there leaves the other
   * figures standing (and says so).
   */
  liveFigures: (asOf: string) =>
    queryOptions({
      queryKey: [...meetingQueries.all(), "live-figures", asOf] as const,
      queryFn: async ({ signal }) => {
        const [overview, deadlines] = await Promise.all([
          apiGet("getOverview", { query: { asOf, caseStatus: "all" }, signal }),
          apiGet("listDeadlines", { query: { asOf, withinDays: 14 }, signal }).catch((error: unknown) => {
            if (signal.aborted || !(error instanceof ApiError)) throw error;
            return null;
          }),
        ]);
        return { overview, deadlines };
      },
    }),
};

/*
 * Writes. Any figure anywhere may follow from a meeting (the overview names the latest one), and closing
 * freezes it, so a success refreshes every query (src/lib/query-client.ts), not only this feature's.
 */
export const meetingMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...meetingQueries.all(), "create"] as const,
      mutationFn: (body: TBodyOf<"createMeeting">) => apiSend("createMeeting", { body }),
    }),
  update: () =>
    mutationOptions({
      mutationKey: [...meetingQueries.all(), "update"] as const,
      mutationFn: ({ meetingId, body }: { meetingId: string; body: TBodyOf<"updateMeeting"> }) =>
        apiSend("updateMeeting", { params: { meetingId }, body }),
    }),
  close: () =>
    mutationOptions({
      mutationKey: [...meetingQueries.all(), "close"] as const,
      mutationFn: ({ meetingId, body }: { meetingId: string; body: TBodyOf<"closeMeeting"> }) =>
        apiSend("closeMeeting", { params: { meetingId }, body }),
    }),
};
