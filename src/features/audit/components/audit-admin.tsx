import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";
import { AuditLog } from "./audit-log";
import { AuditVerification } from "./audit-verification";
import "./audit.css";

/** /admin/audit: first whether the log is intact, then the log itself. */
export const AuditAdmin = () => {
  const { t } = useI18n();
  return (
    <div className="audit-admin">
      <PageHeader title={t("audit.title")} lead={t("audit.lead")} />
      <AuditVerification />
      <AuditLog />
    </div>
  );
};
