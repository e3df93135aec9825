import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { commitmentQueries, parseFilters } from "@/features/commitments/api/queries";
import { deadlineQueries } from "@/features/deadlines/api/queries";
import { referenceQueries } from "@/lib/reference-queries";
import { parseAsOf } from "@/lib/url-params";
import { ZId } from "@/shared/schemas/common";

/**
 * `/commitments`: the filtered list (or the one commitment `?id=` opens), the names its cards wait for,
 * and its deadlines section (the first page of deadlines, with the organisation and the cases it names).
 */
export const commitmentTracker = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  const search = new URL(request.url).searchParams;
  const asOf = parseAsOf(search);
  const single = ZId.safeParse(search.get("id"));
  if (single.success) void queryClient.prefetchQuery(commitmentQueries.detail(single.data, asOf));
  else void queryClient.prefetchQuery(commitmentQueries.list(parseFilters(search), asOf));
  void queryClient.prefetchQuery(referenceQueries.vendors());
  void queryClient.prefetchQuery(referenceQueries.documents());
  void queryClient.prefetchQuery(commitmentQueries.incidents());
  void queryClient.prefetchQuery(commitmentQueries.meetings());
  void queryClient.prefetchQuery(referenceQueries.organisation());
  void queryClient.prefetchQuery(deadlineQueries.list({ asOf }));
  void queryClient.prefetchQuery(deadlineQueries.cases());
};
