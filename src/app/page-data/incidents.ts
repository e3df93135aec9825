import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { incidentQueries, parseFilters } from "@/features/incidents/api/queries";
import { referenceQueries } from "@/lib/reference-queries";

/** `/incidents`: the filtered list and the names its rows show (vendors, cases, populations). */
export const incidentList = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(incidentQueries.list(parseFilters(new URL(request.url).searchParams)));
  void queryClient.prefetchQuery(incidentQueries.cases());
  void queryClient.prefetchQuery(referenceQueries.vendors());
  void queryClient.prefetchQuery(referenceQueries.organisation());
};

/** `/incidents/:incidentId`: the incident and the names its page waits for. */
export const incidentPage = (queryClient: QueryClient, { params }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(incidentQueries.detail(params.incidentId ?? ""));
  void queryClient.prefetchQuery(incidentQueries.cases());
  void queryClient.prefetchQuery(referenceQueries.vendors());
  void queryClient.prefetchQuery(referenceQueries.services());
  void queryClient.prefetchQuery(referenceQueries.documents());
  void queryClient.prefetchQuery(referenceQueries.organisation());
};
