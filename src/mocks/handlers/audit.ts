import type { TMockImpls } from "@/mocks/define";
import { hasRole } from "@/shared/access";
import { verifyLog } from "@/shared/audit";
import { page } from "@/shared/reads/derive";

export const auditMocks = {
  listAudit: ({ store, query, signedIn }) =>
    page(
      [...store.audit].reverse().filter(
        (e) =>
          (query.entityType === undefined || e.entityType === query.entityType) &&
          (query.entityId === undefined || e.entityId === query.entityId) &&
          // Entries about users are for administrators only, as on the server.
          (e.entityType !== "user" || hasRole(signedIn.user.role, "admin")),
      ),
      query,
    ),
  verifyAudit: ({ store, now }) => verifyLog(store.audit, store.head, new Date(now)),
} satisfies TMockImpls;
