import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { caseQueries, parseCaseStatus } from "@/features/cases/api/queries";
import { referenceQueries } from "@/lib/reference-queries";

/** `/cases`: the cases of the chosen status with their portfolio lines. */
export const caseList = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(caseQueries.list(parseCaseStatus(new URL(request.url).searchParams)));
};

/** `/cases/:caseId`: the case, its figures, its incidents and the vendors' names they show. */
export const casePage = (queryClient: QueryClient, { params }: LoaderFunctionArgs) => {
  const caseId = params.caseId ?? "";
  void queryClient.prefetchQuery(caseQueries.detail(caseId));
  void queryClient.prefetchQuery(caseQueries.figures(caseId));
  void queryClient.prefetchQuery(caseQueries.incidents(caseId));
  void queryClient.prefetchQuery(referenceQueries.vendors());
};
