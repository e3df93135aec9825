import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import { PageHeader, PrintButton } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";
import { parseAsOf } from "@/lib/url-params";
import { CaseTimeline } from "./case-timeline";
import { HeadlineFigures } from "./headline-figures";
import { OverviewCharts } from "./overview-charts";
import "./overview.css";

/**
 * The board meeting's first screen: what went wrong, how many members, how much is put right, which
 * promises are open. `?asOf=YYYY-MM-DD` reproduces the page as of a date (e.g. the meeting's), so a
 * printed board pack can be regenerated exactly.
 */
export const OverviewPage = ({
  afterHeadline,
}: {
  /** A section the route places right after the headline figures (the deadlines), for the same day. */
  afterHeadline?: (asOf: string) => ReactNode;
} = {}) => {
  const { t, f } = useI18n();
  const [params] = useSearchParams();
  const asOf = parseAsOf(params);
  return (
    <div className="ov-page">
      <PageHeader
        title={t("overview.title")}
        lead={
          <p className="ov-lead">
            {t("overview.lead")} <span className="ov-asof">{t("common.asOf", { date: f.date(asOf) })}</span>
          </p>
        }
        actions={<PrintButton />}
      />
      <HeadlineFigures asOf={asOf} />
      {afterHeadline?.(asOf)}
      <OverviewCharts asOf={asOf} />
      <CaseTimeline asOf={asOf} />
    </div>
  );
};
