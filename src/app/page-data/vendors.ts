import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { vendorQueries } from "@/features/vendors/api/queries";
import { referenceQueries } from "@/lib/reference-queries";
import { parseFiscalYear } from "@/lib/url-params";
import { todayInTokyo } from "@/shared/dates";

/** `/vendors`: the scorecards of the chosen 年度 (today's), the regulatory record, the vendors' names. */
export const vendorScorecards = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  const fiscalYear = parseFiscalYear(new URL(request.url).searchParams.get("fy"));
  void queryClient.prefetchQuery(vendorQueries.scorecards(fiscalYear, todayInTokyo()));
  void queryClient.prefetchQuery(vendorQueries.regulatoryActions());
  void queryClient.prefetchQuery(referenceQueries.vendors());
};

/** `/vendors/:vendorId`: the vendor and the services' names its page waits for. */
export const vendorPage = (queryClient: QueryClient, { params }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(vendorQueries.detail(params.vendorId ?? ""));
  void queryClient.prefetchQuery(referenceQueries.services());
};
