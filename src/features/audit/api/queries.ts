import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import type { TAuditEntityType, TAuditEntry } from "@/shared/schemas/audit";

/** Entries per page of the administrators' log. */
export const PAGE_SIZE = 50;

export type TAuditLogFilter = { entityType?: TAuditEntityType | undefined; page: number };

export const auditQueries = {
  all: () => ["audit"] as const,
  /** Always checked afresh: an old "intact" must not stand in for the log as it is now. */
  verify: () =>
    queryOptions({
      queryKey: [...auditQueries.all(), "verify"] as const,
      queryFn: ({ signal }) => apiGet("verifyAudit", { signal }),
      staleTime: 0,
    }),
  log: (filter: TAuditLogFilter) =>
    queryOptions({
      queryKey: [...auditQueries.all(), "log", filter.entityType ?? "all", filter.page] as const,
      queryFn: ({ signal }) =>
        apiGet("listAudit", {
          query: {
            ...(filter.entityType ? { entityType: filter.entityType } : {}),
            limit: PAGE_SIZE,
            offset: (filter.page - 1) * PAGE_SIZE,
          },
          signal,
        }),
      // The page being left stays on screen until the next one is in: the table does not jump.
      placeholderData: keepPreviousData,
    }),
};

/** Every entry (of one type, or all), newest first, for the CSV export: the whole log, not one page. */
export const fetchWholeLog = async (entityType: TAuditEntityType | undefined): Promise<TAuditEntry[]> => {
  // By sequence number: an entry appended while paging shifts the pages, and must not appear twice.
  const bySeq = new Map<number, TAuditEntry>();
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const page = await apiGet("listAudit", {
      query: { ...(entityType ? { entityType } : {}), limit, offset },
    });
    for (const entry of page.items) bySeq.set(entry.seq, entry);
    if (page.items.length < limit || offset + limit >= page.total) break;
  }
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
};
