import { listAudit, verifyAudit } from "@/server/edits/audit-log";
import type { THandlers } from "@/server/routes/define";

export const auditRoutes = {
  listAudit: ({ db, query }) => listAudit(db, query, query),
  verifyAudit: ({ db, now }) => verifyAudit(db, now),
} satisfies THandlers;
