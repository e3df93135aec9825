import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { meetingQueries } from "@/features/meetings/api/queries";
import { referenceQueries } from "@/lib/reference-queries";

/** `/meetings`: the list and the names of its attendees. */
export const meetingList = (queryClient: QueryClient) => {
  void queryClient.prefetchQuery(meetingQueries.list());
  void queryClient.prefetchQuery(referenceQueries.vendors());
  void queryClient.prefetchQuery(referenceQueries.documents());
};

/**
 * `/meetings/:meetingId`: the meeting, the names (vendors, documents, the organisation's populations)
 * and the dated record its board pack waits for.
 */
export const meetingPage = (queryClient: QueryClient, { params }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(meetingQueries.detail(params.meetingId ?? ""));
  void queryClient.prefetchQuery(referenceQueries.vendors());
  void queryClient.prefetchQuery(referenceQueries.documents());
  void queryClient.prefetchQuery(referenceQueries.organisation());
  void queryClient.prefetchQuery(meetingQueries.record());
};

/**
 * `/meetings/:meetingId/snapshot`: the meeting (whether it is closed decides if there is a snapshot) and
 * the names the frozen figures are shown with.
 */
export const meetingSnapshot = (queryClient: QueryClient, { params }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(meetingQueries.detail(params.meetingId ?? ""));
  void queryClient.prefetchQuery(referenceQueries.organisation());
  void queryClient.prefetchQuery(referenceQueries.vendors());
};
