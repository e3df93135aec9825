import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router";
import { documentQueries, parseFilters } from "@/features/documents/api/queries";
import { referenceQueries } from "@/lib/reference-queries";

/** `/documents`: the filtered list and the issuers' names its tables wait for. */
export const documentList = (queryClient: QueryClient, { request }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(documentQueries.list(parseFilters(new URL(request.url).searchParams)));
  void queryClient.prefetchQuery(referenceQueries.organisation());
  void queryClient.prefetchQuery(referenceQueries.vendors());
};

/** `/documents/:documentId`: the document and the issuers' names its page waits for. */
export const documentPage = (queryClient: QueryClient, { params }: LoaderFunctionArgs) => {
  void queryClient.prefetchQuery(documentQueries.detail(params.documentId ?? ""));
  void queryClient.prefetchQuery(referenceQueries.organisation());
  void queryClient.prefetchQuery(referenceQueries.vendors());
};
