import { keepPreviousData, mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";
import type { TCaseStatus } from "@/shared/schemas/case";

/*
 * One factory for every request the cases feature makes. Keys run from general to specific, so
 * invalidating ["cases"] refreshes the list and every case page. A case's figures are its portfolio line
 * from the overview endpoint (computed once in src/shared/reads), never counted again here.
 */
export const caseQueries = {
  all: () => ["cases"] as const,
  /**
   * The cases of a status (every case without one), each with its portfolio line when it has incidents:
   * a case with none has no figures yet, and no line.
   */
  list: (status: TCaseStatus | undefined) =>
    queryOptions({
      queryKey: [...caseQueries.all(), "list", { status }] as const,
      queryFn: async ({ signal }) => {
        const [cases, overview] = await Promise.all([
          apiGetAll("listCases", { query: status ? { status } : {}, signal }),
          apiGet("getOverview", { query: { caseStatus: status ?? "all" }, signal }),
        ]);
        return { asOf: overview.asOf, cases: cases.items, total: cases.total, lines: overview.portfolio };
      },
      // Switching the filter keeps the last list on screen until the new one arrives.
      placeholderData: keepPreviousData,
    }),
  detail: (caseId: string) =>
    queryOptions({
      queryKey: [...caseQueries.all(), "detail", caseId] as const,
      queryFn: ({ signal }) => apiGet("getCase", { params: { caseId }, signal }),
    }),
  /** The case's own figures: the overview scoped to it (its portfolio line and the date they are as of). */
  figures: (caseId: string) =>
    queryOptions({
      queryKey: [...caseQueries.all(), "detail", caseId, "figures"] as const,
      queryFn: async ({ signal }) => {
        const overview = await apiGet("getOverview", { query: { caseId }, signal });
        return { asOf: overview.asOf, line: overview.portfolio.find((l) => l.caseId === caseId) ?? null };
      },
    }),
  incidents: (caseId: string) =>
    queryOptions({
      queryKey: [...caseQueries.all(), "detail", caseId, "incidents"] as const,
      queryFn: ({ signal }) => apiGetAll("listIncidents", { query: { caseId }, signal }),
    }),
};

/** Adding and changing cases (editors); a success refreshes every query (src/lib/query-client.ts). */
export const caseMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...caseQueries.all(), "create"] as const,
      mutationFn: (body: TBodyOf<"createCase">) => apiSend("createCase", { body }),
    }),
  update: () =>
    mutationOptions({
      mutationKey: [...caseQueries.all(), "update"] as const,
      mutationFn: ({ caseId, body }: { caseId: string; body: TBodyOf<"updateCase"> }) =>
        apiSend("updateCase", { params: { caseId }, body }),
    }),
};

/** The list's filter in the address (`?status=`); anything else is no filter. */
export const parseCaseStatus = (params: URLSearchParams): TCaseStatus | undefined => {
  const status = params.get("status");
  return status === "open" || status === "closed" ? status : undefined;
};
