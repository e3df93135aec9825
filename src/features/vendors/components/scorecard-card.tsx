import { useId } from "react";
import { Link } from "react-router";
import { NumberValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { catalogText } from "@/lib/catalog-text";
import { useReferenceNames } from "@/lib/use-reference-names";
import { SPAN_PAIRS, type TMedian, type TScorecardView } from "./scorecard-model";

const SPAN_LABEL: Record<(typeof SPAN_PAIRS)[number]["key"], TMessageKey> = {
  occurrenceToOrganisation: "vendors.spanOccurrenceToOrganisation",
  detectionToOrganisation: "vendors.spanDetectionToOrganisation",
  occurrenceToBoard: "vendors.spanOccurrenceToBoard",
};

/**
 * One vendor in one 年度. `heading` says what the card is about on its page: the vendor on the
 * scorecards page (grouped by year), the year on the vendor's own page.
 */
export const ScorecardCard = ({ row, heading }: { row: TScorecardView; heading: "vendor" | "year" }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const id = useId();
  const vendorName = names.vendor(row.vendorId);
  return (
    <article
      className="tile scorecard"
      aria-labelledby={`${id}-title`}
      data-testid={`scorecard-${row.vendorId}-${row.fiscalYear}`}
    >
      <header className="scorecard-head">
        <h3 id={`${id}-title`}>
          {heading === "vendor" ? vendorName : f.fiscalYear(row.fiscalYear)}
          {heading === "vendor" && names.vendorRole(row.vendorId) ? (
            <span className="role-chip">{names.vendorRole(row.vendorId)}</span>
          ) : null}
        </h3>
        {heading === "vendor" ? (
          <Link className="scorecard-link no-print" to={`/vendors/${row.vendorId}`}>
            {t("vendors.detailLink", { vendor: vendorName })}
          </Link>
        ) : null}
      </header>
      <dl className="scorecard-metrics">
        <div className="metric">
          <dt>{t("vendors.metricIncidents")}</dt>
          <dd>
            <span className="metric-value">{t("vendors.count", { n: f.number(row.incidents) })}</span>
            {row.incidentList.length > 0 ? (
              <ul className="metric-incidents">
                {row.incidentList.map((i) => (
                  <li key={i.id}>
                    <Link to={`/incidents/${i.id}`}>
                      {t("vendors.incidentNumber", { n: i.number })} {tx(i.title)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
        <div className="metric">
          <dt>{t("vendors.metricMembers")}</dt>
          <dd>
            <span className="metric-value">{f.people(row.membersAffectedReported)}</span>
            <span className="metric-sub">{t("vendors.membersNote")}</span>
            {row.incidentsWithUnreportedCounts > 0 ? (
              <span className="metric-flag">
                {t("vendors.unreportedIncidents", { n: row.incidentsWithUnreportedCounts })}
                {row.unreportedIncidents.length > 0
                  ? `:${row.unreportedIncidents.map((i) => t("vendors.incidentNumber", { n: i.number })).join("、")}`
                  : null}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="metric metric-wide">
          <dt>{t("vendors.metricMedians")}</dt>
          <dd>
            <dl className="median-list">
              {SPAN_PAIRS.map((pair) => (
                <div key={pair.key} className="median">
                  <dt>{t(SPAN_LABEL[pair.key])}</dt>
                  <dd>
                    <MedianValue median={row.medians[pair.key]} />
                  </dd>
                </div>
              ))}
            </dl>
          </dd>
        </div>
        <div className="metric">
          <dt>{t("vendors.metricRemediation")}</dt>
          <dd>
            <RemediationValue row={row} />
          </dd>
        </div>
        <div className="metric">
          <dt>{t("vendors.metricCommitments")}</dt>
          <dd>
            <CommitmentsValue row={row} />
          </dd>
        </div>
        <div className="metric">
          <dt>{t("vendors.metricRegulatory")}</dt>
          <dd>
            <span className="metric-value">
              {t("vendors.count", { n: f.number(row.regulatoryActionsLast24Months) })}
            </span>
            <span className="metric-sub">
              {t("vendors.regulatoryCardNote")}
              <span className="outside-mark">{t("common.outsideRecordShort")}</span>
            </span>
          </dd>
        </div>
      </dl>
    </article>
  );
};

const MedianValue = ({ median }: { median: TMedian }) => {
  const { t } = useI18n();
  if (median.days === null) {
    return (
      <>
        <NotReported missing={catalogText("vendors.medianNone")} />{" "}
        <span className="metric-sub-inline">{t("vendors.medianNone")}</span>
      </>
    );
  }
  return (
    <>
      <span className="median-value">
        <NumberValue value={median.days} unit="days" />
      </span>{" "}
      {median.basis > 0 ? (
        <span className="metric-sub-inline">
          {median.basis === 1 ? t("vendors.medianBasisOne") : t("vendors.medianBasis", { n: median.basis })}
        </span>
      ) : null}
      {median.outsideRecord ? (
        <span className="outside-mark" title={t("common.outsideRecord")}>
          {t("vendors.medianOutside")}
        </span>
      ) : null}
    </>
  );
};

const RemediationValue = ({ row }: { row: TScorecardView }) => {
  const { t, f } = useI18n();
  if (row.remediationMembers === 0) return <span>{t("vendors.remediationNone")}</span>;
  // Nothing reported done and everyone's progress unreported: the 0 would be a guess, so say so.
  const nothingReported = row.remediationDone === 0 && row.remediationNotReported === row.remediationMembers;
  return (
    <>
      <span className="metric-value">
        {nothingReported ? <NotReported /> : f.people(row.remediationDone)}
      </span>{" "}
      <span className="metric-sub-inline">
        {t("vendors.remediationOf", { members: f.people(row.remediationMembers) })}
      </span>
      {row.remediationNotReported > 0 ? (
        <span className="metric-flag">
          {t("vendors.remediationNotReported", { n: f.people(row.remediationNotReported) })}
        </span>
      ) : null}
    </>
  );
};

const CommitmentsValue = ({ row }: { row: TScorecardView }) => {
  const { t, f } = useI18n();
  if (row.commitments === 0) return <span>{t("vendors.commitmentsNone")}</span>;
  const n = (v: number) => t("vendors.count", { n: f.number(v) });
  if (row.commitmentsWithDueDate === 0) {
    return (
      <>
        <span className="metric-value">{n(row.commitments)}</span>
        <span className="metric-flag">{t("vendors.commitmentsNoDueDates", { n: row.commitments })}</span>
      </>
    );
  }
  return (
    <>
      <dl className="commitment-counts">
        <div>
          <dt>{t("vendors.commitmentsKept")}</dt>
          <dd>{n(row.commitmentsKeptOnTime)}</dd>
        </div>
        <div>
          <dt>{t("vendors.commitmentsOverdue")}</dt>
          <dd className={row.commitmentsOverdue > 0 ? "overdue" : undefined}>{n(row.commitmentsOverdue)}</dd>
        </div>
        <div>
          <dt>{t("vendors.commitmentsTotal")}</dt>
          <dd>{n(row.commitments)}</dd>
        </div>
      </dl>
      {row.commitmentsWithDueDate < row.commitments ? (
        <span className="metric-sub">
          {t("vendors.commitmentsSomeDue", { n: row.commitmentsWithDueDate })}
        </span>
      ) : null}
    </>
  );
};
