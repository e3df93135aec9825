import { listAudit, verifyAudit } from "@/server/edits/audit-log";
import type { THandlers } from "@/server/routes/define";
import { hasRole } from "@/shared/access";

export const auditRoutes = {
  // Who has an account and with which role is for administrators only, as GET /users is.
  listAudit: ({ db, query, session }) =>
    listAudit(db, { ...query, includeUsers: hasRole(session.role, "admin") }, query),
  verifyAudit: ({ db, now }) => verifyAudit(db, now),
} satisfies THandlers;
