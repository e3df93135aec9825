import { useId } from "react";
import { Link } from "react-router";
import { NumberValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { catalogText } from "@/lib/catalog-text";
import { ImpactTotalsList, OutsideFigures } from "./impact-figures";
import { RemediationList } from "./remediation-figures";
import { SPAN_PAIRS, type TMedian, type TScorecardView, type TScoredIncident } from "./scorecard-model";
import type { TVendorWords } from "./vendor-words";

const SPAN_LABEL: Record<(typeof SPAN_PAIRS)[number]["key"], TPlainKey> = {
  occurrenceToOrganisation: "vendors.spanOccurrenceToOrganisation",
  detectionToOrganisation: "vendors.spanDetectionToOrganisation",
  occurrenceToBoard: "vendors.spanOccurrenceToBoard",
};

/** Whom the vendor works for, in one line: a direct contract, or the contractors it is subcontracted by. */
export const ContractLine = ({ vendorId, words }: { vendorId: string; words: TVendorWords }) => {
  const text = words.contract(vendorId);
  return text ? <p className="contract-line">{text}</p> : null;
};

/**
 * One vendor in one 年度. `heading` says what the card is about on its page: the vendor on the
 * scorecards page (grouped by year), the year on the vendor's own page. `linkQuery` keeps the page's
 * as-of date on the link to the vendor.
 */
export const ScorecardCard = ({
  row,
  heading,
  words,
  linkQuery = "",
}: {
  row: TScorecardView;
  heading: "vendor" | "year";
  words: TVendorWords;
  linkQuery?: string;
}) => {
  const { t, tp, f } = useI18n();
  const id = useId();
  const vendorName = words.vendor(row.vendorId);
  const kind = words.vendorKind(row.vendorId);
  const numberOf = (incidentId: string) => row.incidentList.find((i) => i.id === incidentId)?.number;
  return (
    <article
      className="tile scorecard"
      aria-labelledby={`${id}-title`}
      data-testid={`scorecard-${row.vendorId}-${row.fiscalYear}`}
    >
      <header className="scorecard-head">
        <div className="scorecard-head-text">
          <h3 id={`${id}-title`}>
            {heading === "vendor" ? vendorName : f.fiscalYear(row.fiscalYear)}
            {heading === "vendor" && kind ? <span className="role-chip">{kind}</span> : null}
          </h3>
          {heading === "vendor" ? <ContractLine vendorId={row.vendorId} words={words} /> : null}
        </div>
        {heading === "vendor" ? (
          <Link className="scorecard-link no-print" to={`/vendors/${row.vendorId}${linkQuery}`}>
            {t("vendors.detailLink", { vendor: vendorName })}
          </Link>
        ) : null}
      </header>
      <dl className="scorecard-metrics">
        <div className="metric">
          <dt>{t("vendors.metricIncidents")}</dt>
          <dd>
            <span className="metric-value">{t("vendors.count", { n: f.number(row.incidents) })}</span>
            {row.incidentsViaSubcontractors > 0 ? (
              <span className="metric-sub">
                {t("vendors.viaSubcontractors", { n: f.number(row.incidentsViaSubcontractors) })}
              </span>
            ) : null}
            {row.incidentList.length > 0 ? (
              <ul className="metric-incidents">
                {row.incidentList.map((i) => (
                  <IncidentItem key={i.id} incident={i} words={words} />
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
        <div className="metric">
          <dt>{t("vendors.metricAffected")}</dt>
          <dd>
            {row.incidents === 0 ? (
              <span>{t("vendors.affectedNoIncidents")}</span>
            ) : (
              <>
                <ImpactTotalsList totals={row.affected} words={words} />
                {/* Said where it matters: where there is more than one figure, which a reader might add. */}
                {row.affected.length > 1 ? (
                  <span className="metric-sub">{t("vendors.affectedNote")}</span>
                ) : null}
              </>
            )}
            {row.incidentsWithUnreportedCounts > 0 ? (
              <span className="metric-flag">
                {row.unreportedIncidents.length > 0
                  ? t("vendors.unreportedList", {
                      text: tp("vendors.unreportedIncidents", row.incidentsWithUnreportedCounts),
                      list: row.unreportedIncidents
                        .map((i) => t("vendors.incidentNumber", { n: i.number }))
                        .join(t("vendors.listJoin")),
                    })
                  : tp("vendors.unreportedIncidents", row.incidentsWithUnreportedCounts)}
              </span>
            ) : null}
            <OutsideFigures figures={row.outside} numberOf={numberOf} words={words} />
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
            <RemediationList rows={row.remediation} words={words} />
          </dd>
        </div>
        <div className="metric">
          <dt>{t("vendors.metricCommitments")}</dt>
          <dd>
            <CommitmentsValue row={row} />
          </dd>
        </div>
        <div className="metric metric-wide">
          <dt>{t("vendors.metricRegulatory")}</dt>
          <dd>
            <span className="metric-value">
              {t("vendors.count", { n: f.number(row.regulatoryActionsLast24Months) })}
            </span>
            <span className="metric-sub">
              {t("vendors.regulatoryCardNote")} <OutsideMark />
            </span>
          </dd>
        </div>
      </dl>
    </article>
  );
};

/** An incident the card counts, marked when it happened at a subcontractor or came through a contractor. */
const IncidentItem = ({ incident, words }: { incident: TScoredIncident; words: TVendorWords }) => {
  const { t, tx } = useI18n();
  const { place } = incident;
  return (
    <li>
      <Link to={`/incidents/${incident.id}`}>
        {t("vendors.incidentNumber", { n: incident.number })} {tx(incident.title)}
      </Link>
      {place.kind === "below" ? (
        <span className="chain-mark">{t("vendors.happenedBelow", { path: words.route(place.below) })}</span>
      ) : null}
      {place.kind === "here" && place.above.length > 0 ? (
        <span className="chain-note">{t("vendors.route", { path: words.route(incident.chain) })}</span>
      ) : null}
    </li>
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
      {median.outsideRecord ? <OutsideMark text={t("vendors.medianOutside")} /> : null}
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
