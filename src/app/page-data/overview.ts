import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { deadlineQueries } from "@/features/deadlines/api/queries";
import { overviewQueries, parseScope } from "@/features/overview/api/queries";
import { preloadCharts } from "@/features/overview/components/chart-code";
import { referenceQueries } from "@/lib/reference-queries";

/** Whether the app is adopting a page the server drew (src/app/start.tsx clears the mark once it has). */
const adoptingDrawnPage = () =>
  typeof document !== "undefined" && document.getElementById("root")?.getAttribute("aria-busy") === "true";

/**
 * `/`: every request of the overview in the address's scope (case, status, vendor, 年度, day), started at
 * once: the headline figures (what the board reads first), the deadlines right under them, the charts and
 * the course of each case, and the names the scope bar and the figures need.
 */
export const overviewPage = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  const scope = parseScope(new URL(request.url).searchParams);
  /*
   * The charts' code with the data, not after it. Not while the app adopts a page the server drew (its
   * root is marked busy until then): that page asked for the code itself (a modulepreload,
   * src/server/first-screen-html.ts), which fetches it without running it, and the chart runs it once it
   * comes near the viewport. On a phone the progress chart is far below the first screen: recharts
   * (~20 ms of the app's start at 1×) does not run at all until the reader scrolls.
   */
  if (!adoptingDrawnPage()) preloadCharts();
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
