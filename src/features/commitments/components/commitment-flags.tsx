import { useI18n } from "@/i18n/i18n";

/** "⚠ 期限超過": shown beside the status of a commitment past its due date, on the cards and in the table. */
export const OverdueFlag = () => {
  const { t } = useI18n();
  return (
    <span className="overdue-flag">
      <span aria-hidden="true">⚠ </span>
      {t("commitments.overdue")}
    </span>
  );
};

/** "⚠ 期限なし": a commitment without a due date, which cannot be judged kept on time. */
export const NoDueDate = ({ className }: { className?: string }) => {
  const { t } = useI18n();
  return (
    <span className={className ? `no-due-date ${className}` : "no-due-date"}>
      <span aria-hidden="true">⚠ </span>
      {t("commitments.noDueDate")}
    </span>
  );
};
