import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { ZCommitmentStatus } from "@/shared/schemas/commitment";
import type { TCommitmentStats } from "@/shared/schemas/stats";
import { commitmentQueries } from "../api/queries";

type TProps = { vendorId?: string; vendorName?: string; asOf: string };

/**
 * The line a board reads first: how many are closed (verified by the association, not merely reported
 * done by the vendor), how many are overdue, and — as a gap, not as good news — how many have no due
 * date at all, since a promise without a date can never become overdue.
 */
export const CommitmentSummary = ({ vendorId, vendorName, asOf }: TProps) => {
  const { t, f } = useI18n();
  const query = useQuery(commitmentQueries.stats(vendorId, asOf));
  return (
    <section className="panel commitment-summary" aria-labelledby="commitment-summary-title">
      <h2 id="commitment-summary-title">
        {t("commitments.summaryTitle")}{" "}
        <span className="commitment-summary-asof">{t("common.asOf", { date: f.date(asOf) })}</span>
      </h2>
      {vendorName ? (
        <p className="commitment-summary-scope">{t("commitments.summaryScope", { vendor: vendorName })}</p>
      ) : null}
      <QueryState query={query} skeleton={<SummarySkeleton />}>
        {(stats) => <SummaryBody stats={stats} />}
      </QueryState>
    </section>
  );
};

/** Stands in for a count while the figures load: as wide as a count usually is. */
const COUNT_STAND_IN = "0";

/**
 * The summary's boxes before the figures arrive: the same tiles, lines and callout (the callout as for a
 * record with undated commitments, as the case is), their text laid out invisibly (`ghost-text`), so the
 * figures replace it without moving the filters and the list below.
 */
const SummarySkeleton = () => {
  const { t } = useI18n();
  const n = t("commitments.countUnit", { n: COUNT_STAND_IN });
  const tiles = [
    {
      label: t("commitments.tileVerified"),
      value: t("commitments.ofTotal", { n: COUNT_STAND_IN, total: COUNT_STAND_IN }),
      note: t("commitments.tileVerifiedNote"),
      className: "summary-tile summary-tile-main",
    },
    {
      label: t("commitments.tileReported"),
      value: n,
      note: t("commitments.tileReportedNote"),
      className: "summary-tile",
    },
    {
      label: t("commitments.tileOverdue"),
      value: n,
      note: t("commitments.tileOverdueNote", { n: COUNT_STAND_IN }),
      className: "summary-tile",
    },
    { label: t("commitments.tileDueSoon"), value: n, note: null, className: "summary-tile" },
    {
      label: `⚠ ${t("commitments.tileNoDueDate")}`,
      value: n,
      note: null,
      className: "summary-tile summary-tile-gap",
    },
  ];
  const byStatus = ZCommitmentStatus.options
    .map((s) => `${t(`domain.commitmentStatus.${s}`)} ${n}`)
    .join("・");
  return (
    <>
      <dl className="summary-tiles">
        {tiles.map((tile) => (
          <div key={tile.label} className={tile.className}>
            <dt className="ghost-text" data-text={tile.label} />
            <dd>
              <span className="summary-value ghost-text" data-text={tile.value} />
              {tile.note ? <span className="summary-note ghost-text" data-text={tile.note} /> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p
        className="summary-by-status ghost-text"
        data-text={`${t("commitments.byStatusLabel")} ${byStatus}`}
      />
      <p
        className="gap-callout ghost-text"
        data-text={`⚠ ${t("commitments.gapTitle")} ${t("commitments.gapAll", { total: COUNT_STAND_IN })}`}
      />
    </>
  );
};

const SummaryBody = ({ stats }: { stats: TCommitmentStats }) => {
  const { t, f } = useI18n();
  const n = (value: number) => t("commitments.countUnit", { n: f.number(value) });
  const count = (status: string) => stats.byStatus.find((s) => s.status === status)?.count ?? 0;
  const verified = count("verified");
  const reported = count("vendor_reported_done");
  const allUndated = stats.total > 0 && stats.withoutDueDate === stats.total;
  return (
    <>
      <dl className="summary-tiles">
        <div className="summary-tile summary-tile-main">
          <dt>{t("commitments.tileVerified")}</dt>
          <dd>
            <span className="summary-value">
              {t("commitments.ofTotal", { n: f.number(verified), total: f.number(stats.total) })}
            </span>
            <span className="summary-note">{t("commitments.tileVerifiedNote")}</span>
          </dd>
        </div>
        <div className="summary-tile">
          <dt>{t("commitments.tileReported")}</dt>
          <dd>
            <span className="summary-value">{n(reported)}</span>
            <span className="summary-note">{t("commitments.tileReportedNote")}</span>
          </dd>
        </div>
        <div className={`summary-tile${stats.overdue > 0 ? " summary-tile-alert" : ""}`}>
          <dt>
            {stats.overdue > 0 ? (
              <span className="alert-icon" aria-hidden="true">
                ⚠
              </span>
            ) : null}
            {t("commitments.tileOverdue")}
          </dt>
          <dd>
            <span className="summary-value">{n(stats.overdue)}</span>
            {stats.withoutDueDate > 0 ? (
              <span className="summary-note">
                {t("commitments.tileOverdueNote", { n: f.number(stats.total - stats.withoutDueDate) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="summary-tile">
          <dt>{t("commitments.tileDueSoon")}</dt>
          <dd>
            <span className="summary-value">{n(stats.dueWithin14Days)}</span>
          </dd>
        </div>
        <div className={`summary-tile${stats.withoutDueDate > 0 ? " summary-tile-gap" : ""}`}>
          <dt>
            {stats.withoutDueDate > 0 ? (
              <span className="alert-icon" aria-hidden="true">
                ⚠
              </span>
            ) : null}
            {t("commitments.tileNoDueDate")}
          </dt>
          <dd>
            <span className="summary-value">{n(stats.withoutDueDate)}</span>
          </dd>
        </div>
      </dl>
      <p className="summary-by-status">
        <span className="summary-by-status-label">{t("commitments.byStatusLabel")}</span>{" "}
        {stats.byStatus.map((s) => `${t(`domain.commitmentStatus.${s.status}`)} ${n(s.count)}`).join("・")}
      </p>
      {stats.withoutDueDate > 0 ? (
        <p className="gap-callout" role="note">
          <span className="alert-icon" aria-hidden="true">
            ⚠
          </span>{" "}
          <strong>{t("commitments.gapTitle")}</strong>{" "}
          {allUndated
            ? t("commitments.gapAll", { total: f.number(stats.total) })
            : t("commitments.gapSome", { n: f.number(stats.withoutDueDate), total: f.number(stats.total) })}
        </p>
      ) : null}
    </>
  );
};
