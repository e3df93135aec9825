import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";
import type { TQueryOf } from "@/shared/contract";
import { ZCommitmentKind, ZCommitmentStatus } from "@/shared/schemas/commitment";
import { ZId, ZIsoDate } from "@/shared/schemas/common";

/** Filters the tracker understands; absent keys mean "all". */
export type TCommitmentFilters = Pick<
  NonNullable<TQueryOf<"listCommitments">>,
  "vendorId" | "incidentId" | "kind" | "status" | "dueBefore" | "overdue"
>;

/** URL query keys of the tracker's filters: short words a person can read and type in a link. */
export const FILTER_KEYS = ["vendor", "incident", "kind", "status", "dueBefore", "overdue"] as const;
export type TFilterKey = (typeof FILTER_KEYS)[number];

/**
 * Reads the filters from the address. A value the API would reject (an unknown status, a mistyped date)
 * is ignored rather than turned into an error page: the link still opens the tracker.
 */
export const parseFilters = (params: URLSearchParams): TCommitmentFilters => {
  const filters: TCommitmentFilters = {};
  const vendor = ZId.safeParse(params.get("vendor"));
  if (vendor.success) filters.vendorId = vendor.data;
  const incident = ZId.safeParse(params.get("incident"));
  if (incident.success) filters.incidentId = incident.data;
  const kind = ZCommitmentKind.safeParse(params.get("kind"));
  if (kind.success) filters.kind = kind.data;
  const status = ZCommitmentStatus.safeParse(params.get("status"));
  if (status.success) filters.status = status.data;
  const dueBefore = ZIsoDate.safeParse(params.get("dueBefore"));
  if (dueBefore.success) filters.dueBefore = dueBefore.data;
  const overdue = params.get("overdue");
  if (overdue === "true" || overdue === "false") filters.overdue = overdue;
  return filters;
};

// The record is small, but promises accumulate every year: ask for a page larger than any year holds.

/*
 * One factory for every request the commitments feature makes. Keys run from general to specific;
 * `asOf` is part of every key because "overdue" depends on it.
 */
export const commitmentQueries = {
  all: () => ["commitments"] as const,
  list: (filters: TCommitmentFilters, asOf: string) =>
    queryOptions({
      queryKey: [...commitmentQueries.all(), "list", { ...filters, asOf }] as const,
      queryFn: ({ signal }) => apiGetAll("listCommitments", { query: { ...filters, asOf }, signal }),
    }),
  detail: (commitmentId: string, asOf: string) =>
    queryOptions({
      queryKey: [...commitmentQueries.all(), "detail", commitmentId, { asOf }] as const,
      queryFn: ({ signal }) => apiGet("getCommitment", { params: { commitmentId }, query: { asOf }, signal }),
    }),
  stats: (vendorId: string | undefined, asOf: string) =>
    queryOptions({
      queryKey: [...commitmentQueries.all(), "stats", { vendorId, asOf }] as const,
      queryFn: ({ signal }) => apiGet("getCommitmentStats", { query: { vendorId, asOf }, signal }),
    }),
  /** Incidents and meetings, only to name and link the places a commitment refers to. */
  incidents: () =>
    queryOptions({
      queryKey: [...commitmentQueries.all(), "incidents"] as const,
      queryFn: ({ signal }) => apiGetAll("listIncidents", { signal }),
      staleTime: 5 * 60_000,
    }),
  meetings: () =>
    queryOptions({
      queryKey: [...commitmentQueries.all(), "meetings"] as const,
      queryFn: ({ signal }) => apiGetAll("listMeetings", { signal }),
      staleTime: 5 * 60_000,
    }),
};

type TStep<N extends "updateCommitment" | "reportCommitmentDone" | "verifyCommitment" | "reopenCommitment"> =
  {
    commitmentId: string;
    body: TBodyOf<N>;
  };

/*
 * Writes: the vendor reports done → the association verifies, or reopens with a reason. A success moves
 * the commitment figures on the overview, the scorecards and the incident pages too, which is why every
 * write refreshes every query (src/lib/query-client.ts), not only this feature's.
 */
export const commitmentMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...commitmentQueries.all(), "create"] as const,
      mutationFn: (body: TBodyOf<"createCommitment">) => apiSend("createCommitment", { body }),
    }),
  update: () =>
    mutationOptions({
      mutationKey: [...commitmentQueries.all(), "update"] as const,
      mutationFn: ({ commitmentId, body }: TStep<"updateCommitment">) =>
        apiSend("updateCommitment", { params: { commitmentId }, body }),
    }),
  reportDone: () =>
    mutationOptions({
      mutationKey: [...commitmentQueries.all(), "report-done"] as const,
      mutationFn: ({ commitmentId, body }: TStep<"reportCommitmentDone">) =>
        apiSend("reportCommitmentDone", { params: { commitmentId }, body }),
    }),
  verify: () =>
    mutationOptions({
      mutationKey: [...commitmentQueries.all(), "verify"] as const,
      mutationFn: ({ commitmentId, body }: TStep<"verifyCommitment">) =>
        apiSend("verifyCommitment", { params: { commitmentId }, body }),
    }),
  reopen: () =>
    mutationOptions({
      mutationKey: [...commitmentQueries.all(), "reopen"] as const,
      mutationFn: ({ commitmentId, body }: TStep<"reopenCommitment">) =>
        apiSend("reopenCommitment", { params: { commitmentId }, body }),
    }),
};
