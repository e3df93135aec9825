import { queryOptions } from "@tanstack/react-query";
import type { TAuditEntityType, TAuditEntry } from "@/shared/schemas/audit";
import { apiGet, apiGetAll } from "./api-client";

/*
 * One record's history, for the record's own page (src/components/record-history.tsx). Here rather than
 * in the audit feature because every detail page shows it and features may not import each other. Keys
 * start with "audit", like the audit page's, so one invalidation refreshes both.
 */

export type TAuditRef = { entityType: TAuditEntityType; entityId: string };

/** The newest entries of each record: a record's page is not the place to page through years. */
export const HISTORY_LIMIT = 100;

export type TRecordHistory = {
  /** Newest first, across the records asked for. */
  entries: TAuditEntry[];
  /** Some record has more entries than were fetched. */
  limited: boolean;
};

const historyOf = async (refs: readonly TAuditRef[], signal: AbortSignal): Promise<TRecordHistory> => {
  const lists = await Promise.all(
    refs.map((ref) =>
      apiGet("listAudit", {
        query: { entityType: ref.entityType, entityId: ref.entityId, limit: HISTORY_LIMIT },
        signal,
      }),
    ),
  );
  const bySeq = new Map(lists.flatMap((list) => list.items).map((e) => [e.seq, e]));
  return {
    entries: [...bySeq.values()].sort((a, b) => b.seq - a.seq),
    limited: lists.some((list) => list.total > list.items.length),
  };
};

export const recordAuditQueries = {
  all: () => ["audit"] as const,
  /**
   * The history of `refs` together (a vendor with its schemes). `cohortsOf`: an incident's page also
   * shows its remediation groups' changes (progress is recorded on the group, not on the incident).
   */
  history: (refs: readonly TAuditRef[], cohortsOf?: string) =>
    queryOptions({
      queryKey: [
        ...recordAuditQueries.all(),
        "history",
        refs.map((r) => `${r.entityType}:${r.entityId}`).join(","),
        cohortsOf ?? null,
      ] as const,
      queryFn: async ({ signal }) => {
        const cohorts = cohortsOf
          ? (await apiGetAll("listCohorts", { query: { incidentId: cohortsOf }, signal })).items.map(
              (c): TAuditRef => ({ entityType: "cohort", entityId: c.id }),
            )
          : [];
        return historyOf([...refs, ...cohorts], signal);
      },
    }),
};
