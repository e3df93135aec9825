import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { todayInTokyo } from "@/shared/dates";

/** Page title with actions; on paper it becomes the board pack's header with the print date. */
export const PageHeader = ({
  title,
  lead,
  actions,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
}) => {
  const { t, f } = useI18n();
  return (
    <header className="page-header">
      <div className="page-header-text">
        <h1>{title}</h1>
        {lead ? <div className="page-lead">{lead}</div> : null}
      </div>
      <div className="page-actions no-print">{actions}</div>
      <p className="print-only print-date">
        {t("common.appName")} ・ {t("common.printedOn", { date: f.date(todayInTokyo()) })}
      </p>
    </header>
  );
};

export const PrintButton = () => {
  const { t } = useI18n();
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("common.print")}
    </button>
  );
};
