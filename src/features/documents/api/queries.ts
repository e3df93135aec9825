import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";
import type { TQueryOf } from "@/shared/contract";
import { ZDocumentKind } from "@/shared/schemas/document";

/** Filters the document list understands; absent keys mean "all". */
export type TDocumentFilters = Pick<NonNullable<TQueryOf<"listDocuments">>, "kind" | "outsideRecord">;

/** URL query keys of the list's filters (the same words as the API's). */
export const FILTER_KEYS = ["kind", "outsideRecord"] as const;
export type TFilterKey = (typeof FILTER_KEYS)[number];

/** Reads the filters from the address; a value the API would reject is ignored, so the link still opens. */
export const parseFilters = (params: URLSearchParams): TDocumentFilters => {
  const filters: TDocumentFilters = {};
  const kind = ZDocumentKind.safeParse(params.get("kind"));
  if (kind.success) filters.kind = kind.data;
  const outside = params.get("outsideRecord");
  if (outside === "true" || outside === "false") filters.outsideRecord = outside;
  return filters;
};

/** One factory for every request the documents feature makes; keys run from general to specific. */
export const documentQueries = {
  all: () => ["documents"] as const,
  list: (filters: TDocumentFilters) =>
    queryOptions({
      queryKey: [...documentQueries.all(), "list", filters] as const,
      queryFn: ({ signal }) => apiGetAll("listDocuments", { query: { ...filters }, signal }),
    }),
  detail: (documentId: string) =>
    queryOptions({
      queryKey: [...documentQueries.all(), "detail", documentId] as const,
      queryFn: ({ signal }) => apiGet("getDocument", { params: { documentId }, signal }),
    }),
  /** Incidents, only to say which incident a citing timeline entry or remediation record belongs to. */
  incidents: () =>
    queryOptions({
      queryKey: [...documentQueries.all(), "incidents"] as const,
      queryFn: ({ signal }) => apiGetAll("listIncidents", { signal }),
      staleTime: 5 * 60_000,
    }),
};

/*
 * Writes. A document's outside-record flag is copied onto the milestones citing it, and its label names
 * sources on every page, which is why a success refreshes every query (src/lib/query-client.ts), not
 * only this feature's.
 */
export const documentMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...documentQueries.all(), "create"] as const,
      mutationFn: (body: TBodyOf<"createDocument">) => apiSend("createDocument", { body }),
    }),
  update: () =>
    mutationOptions({
      mutationKey: [...documentQueries.all(), "update"] as const,
      mutationFn: ({ documentId, body }: { documentId: string; body: TBodyOf<"updateDocument"> }) =>
        apiSend("updateDocument", { params: { documentId }, body }),
    }),
};
