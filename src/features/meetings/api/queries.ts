import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

// The record is small, but it grows every year: ask for a page larger than any year holds.
const PAGE = { limit: 500 } as const;

/*
 * One factory for every request the meetings feature makes. Keys run from general to specific, so
 * invalidating ["meetings"] refreshes the list, every meeting and the dated record.
 */
export const meetingQueries = {
  all: () => ["meetings"] as const,
  list: () =>
    queryOptions({
      queryKey: [...meetingQueries.all(), "list"] as const,
      queryFn: ({ signal }) => apiGet("listMeetings", { query: PAGE, signal }),
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
          apiGet("listMeetings", { query: PAGE, signal }),
          apiGet("listIncidents", { query: PAGE, signal }),
          apiGet("listCohorts", { query: PAGE, signal }),
          apiGet("listCommitments", { query: PAGE, signal }),
          apiGet("listDocuments", { query: PAGE, signal }),
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
};
