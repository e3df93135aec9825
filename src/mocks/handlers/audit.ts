import type { TMockImpls } from "@/mocks/define";
import { verifyLog } from "@/shared/audit";
import { page } from "@/shared/reads/derive";

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
