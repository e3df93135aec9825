import type { TMockImpls } from "@/mocks/define";
import { page } from "@/mocks/derive";
import { verifyLog } from "@/shared/audit";

export const auditMocks = {
  listAudit: ({ store, query }) =>
    page(
      [...store.audit]
        .reverse()
        .filter(
          (e) =>
            (query.entityType === undefined || e.entityType === query.entityType) &&
            (query.entityId === undefined || e.entityId === query.entityId),
        ),
      query,
    ),
  verifyAudit: ({ store, now }) => verifyLog(store.audit, store.head, new Date(now)),
} satisfies TMockImpls;
