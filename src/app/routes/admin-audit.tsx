import { AuditAdmin } from "@/features/audit/components/audit-admin";
import { RequireRole } from "@/features/auth/components/require-role";

/** Administrators only: anyone else gets the 403 page (the server refuses verification to them too). */
export const AdminAuditRoute = () => (
  <RequireRole atLeast="admin">
    <AuditAdmin />
  </RequireRole>
);
