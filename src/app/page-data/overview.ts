import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { deadlineQueries } from "@/features/deadlines/api/queries";
import { overviewQueries, parseScope } from "@/features/overview/api/queries";
import { preloadChartsUnlessAdopting } from "@/features/overview/components/chart-code";
import { referenceQueries } from "@/lib/reference-queries";

/**
 * `/`: every request of the overview in the address's scope (case, status, vendor, 年度, day), started at
 * once: the headline figures (what the board reads first), the deadlines right under them, the charts and
 * the course of each case, and the names the scope bar and the figures need.
 */
export const overviewPage = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  const scope = parseScope(new URL(request.url).searchParams);
  // The charts' code with the data, not after it.
  preloadChartsUnlessAdopting();
  void queryClient.prefetchQuery(overviewQueries.headline(scope));
  void queryClient.prefetchQuery(overviewQueries.remediation(scope));
  void queryClient.prefetchQuery(overviewQueries.commitmentStats(scope));
  void queryClient.prefetchQuery(
    deadlineQueries.panel(scope.caseId ? { asOf: scope.asOf, caseId: scope.caseId } : { asOf: scope.asOf }),
  );
  void queryClient.prefetchQuery(overviewQueries.affected(scope));
  void queryClient.prefetchQuery(overviewQueries.remediationTimeline(scope));
  void queryClient.prefetchQuery(overviewQueries.caseTimeline(scope));
  void queryClient.prefetchQuery(overviewQueries.cases());
  void queryClient.prefetchQuery(overviewQueries.incidentYears());
  void queryClient.prefetchQuery(referenceQueries.organisation());
  void queryClient.prefetchQuery(referenceQueries.vendors());
};
