import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { vendorQueries } from "@/features/vendors/api/queries";
import { referenceQueries } from "@/lib/reference-queries";
import { parseAsOf, parseFiscalYear } from "@/lib/url-params";

/**
 * `/vendors`: the scorecards of the chosen 年度 as of the chosen day (today by default), the regulatory
 * record, the vendors and the organisation's words (kinds, populations).
 */
export const vendorScorecards = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  void queryClient.prefetchQuery(
    vendorQueries.scorecards(parseFiscalYear(params.get("fy")), parseAsOf(params)),
  );
  void queryClient.prefetchQuery(vendorQueries.regulatoryActions());
  void queryClient.prefetchQuery(referenceQueries.vendors());
  void queryClient.prefetchQuery(referenceQueries.organisation());
};

/** `/vendors/:vendorId`: the vendor, the names and words its page waits for, and its sections' data. */
export const vendorPage = (queryClient: QueryClient, { params, request }: LoaderFunctionArgs) => {
  const vendorId = params.vendorId ?? "";
  const asOf = parseAsOf(new URL(request.url).searchParams);
  void queryClient.prefetchQuery(vendorQueries.detail(vendorId));
  void queryClient.prefetchQuery(referenceQueries.services());
  void queryClient.prefetchQuery(referenceQueries.vendors());
  void queryClient.prefetchQuery(referenceQueries.organisation());
  void queryClient.prefetchQuery(vendorQueries.scorecards(undefined, asOf));
  void queryClient.prefetchQuery(vendorQueries.incidents(vendorId, asOf));
};
