import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { PageHeader, PrintButton } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";
import { useFirstScreenOnly } from "@/lib/first-screen-only";
import { asOfInAddress, parseScope, type TOverviewScope } from "../api/queries";
import { CaseTimeline } from "./case-timeline";
import { HeadlineFigures } from "./headline-figures";
import { OverviewCharts } from "./overview-charts";
import { ScopeBar, ScopeSummary } from "./scope-bar";
import "./overview.css";

/**
 * The board meeting's first screen: what went wrong, who was affected, how much is put right, which
 * promises are open. The address holds the scope (`?case=`, `?status=`, `?vendor=`, `?year=`) and the
 * day (`?asOf=YYYY-MM-DD`): the page then shows the record as it stood that day, so a printed board pack
 * can be regenerated exactly.
 */
export const OverviewPage = ({
  afterHeadline,
}: {
  /** A section the route places right after the headline figures (the deadlines), for the same scope. */
  afterHeadline?: (scope: TOverviewScope) => ReactNode;
} = {}) => {
  const { t, f } = useI18n();
  const [params] = useSearchParams();
  const scope = parseScope(params);
  const fixed = asOfInAddress(params);
  const firstScreenOnly = useFirstScreenOnly();
  return (
    <div className="ov-page">
      <PageHeader
        title={t("overview.title")}
        lead={
          <p className="ov-lead">
            {t("overview.lead")}{" "}
            <span className="ov-asof">{t("common.asOf", { date: f.date(scope.asOf) })}</span>
          </p>
        }
        actions={<PrintButton />}
      />
      <ScopeBar scope={scope} asOfFixed={fixed} />
      <ScopeSummary scope={scope} />
      {fixed ? <AsOfBanner asOf={scope.asOf} params={params} /> : null}
      <HeadlineFigures scope={scope}>
        {afterHeadline?.(scope)}
        <OverviewCharts scope={scope} />
        {/* The course of each case, long and at the page's end, is drawn by the browser. */}
        {firstScreenOnly ? null : <CaseTimeline scope={scope} />}
      </HeadlineFigures>
    </div>
  );
};

/** Says, where it cannot be missed, that the figures are the record as it stood on another day. */
const AsOfBanner = ({ asOf, params }: { asOf: string; params: URLSearchParams }) => {
  const { t, f } = useI18n();
  const today = new URLSearchParams(params);
  today.delete("asOf");
  const search = today.toString();
  return (
    <p className="ov-asof-banner">
      <strong>{t("overview.asOfBanner", { date: f.date(asOf) })}</strong>{" "}
      <Link className="no-print" to={search ? `?${search}` : "."}>
        {t("overview.asOfToday")}
      </Link>
    </p>
  );
};
