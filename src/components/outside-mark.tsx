import { useI18n } from "@/i18n/i18n";

/**
 * "記録外": marks a fact from published sources, outside the organisation's record (the title says so).
 * `text` words it for what it marks, such as a span that only includes such a date.
 */
export const OutsideMark = ({ text }: { text?: string }) => {
  const { t } = useI18n();
  return (
    <span className="outside-mark" title={t("common.outsideRecord")}>
      {text ?? t("common.outsideRecordShort")}
    </span>
  );
};
