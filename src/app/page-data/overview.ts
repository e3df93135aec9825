import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { deadlineQueries } from "@/features/deadlines/api/queries";
import { overviewQueries } from "@/features/overview/api/queries";
import { referenceQueries } from "@/lib/reference-queries";
import { parseAsOf } from "@/lib/url-params";

/** `/`: the headline figures (what the board reads first) and the deadlines panel right under them. */
export const overviewPage = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  const asOf = parseAsOf(new URL(request.url).searchParams);
  void queryClient.prefetchQuery(overviewQueries.headline(asOf));
  void queryClient.prefetchQuery(overviewQueries.remediation());
  void queryClient.prefetchQuery(overviewQueries.commitmentStats(asOf));
  void queryClient.prefetchQuery(referenceQueries.documents());
  void queryClient.prefetchQuery(deadlineQueries.list({ asOf }));
  void queryClient.prefetchQuery(referenceQueries.vendors());
};
