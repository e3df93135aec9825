import { NotFoundSection } from "@/components/not-found-section";
import { useI18n } from "@/i18n/i18n";
import type { TCase } from "@/shared/schemas/case";
import type { TCaseLine } from "@/shared/schemas/stats";

/* Small pieces the cases' pages share (the list, a case's page, its form). */

/** A case's status in words, in its chip. */
export const CaseStatusChip = ({ status }: { status: TCase["status"] }) => {
  const { t } = useI18n();
  return <span className={`status-chip case-status-${status}`}>{t(`domain.caseStatus.${status}`)}</span>;
};

/** "2025年9月30日 委託先の当局への確報" with 期限超過 when it has passed. */
export const NextDeadline = ({ deadline }: { deadline: TCaseLine["nextDeadline"] }) => {
  const { t, tx, f } = useI18n();
  if (!deadline) return <>{t("cases.noDeadline")}</>;
  return (
    <span className="case-deadline">
      <span className="nowrap">{f.date(deadline.dueDate)}</span>{" "}
      {deadline.overdue ? <span className="case-overdue">{t("cases.overdue")}</span> : null}
      <span className="case-deadline-label">{tx(deadline.label)}</span>
    </span>
  );
};

/** An id that names no case: said as such (not a failure), with the way back to the list. */
export const CaseNotFound = ({ caseId }: { caseId: string }) => {
  const { t } = useI18n();
  return (
    <NotFoundSection
      title={t("cases.notFoundTitle")}
      body={t("cases.notFoundBody", { id: caseId })}
      backTo="/cases"
      backLabel={t("cases.backToList")}
    />
  );
};
