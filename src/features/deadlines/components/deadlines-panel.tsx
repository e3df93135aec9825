import { useQuery } from "@tanstack/react-query";
import { memo, useId } from "react";
import { Link } from "react-router";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TDeadline, TDeadlines } from "@/shared/schemas/deadline";
import { DUE_SOON_DAYS, deadlineQueries, PANEL_ROWS } from "../api/queries";
import { DaysText, DeadlineWhat, DueDate, StateChip, useCaseName, useWhose } from "./deadline-parts";
import "./deadlines.css";

/** Every deadline: the commitments page's section, where the overview's links lead. */
export const ALL_DEADLINES = "/commitments?deadlines=all#deadlines";

/**
 * The overview's deadlines: how many are overdue, due within the window and not reported (counts first,
 * big), then the few most pressing, each with whose duty it is. Overdue and due-soon come first;
 * unreported ones fill what room is left, as 未報告 (the record does not say when it was done), never as
 * met. `caseId` narrows it to one case (the overview's scope). Rendered again only when its props change
 * (or its data): the overview renders once more after adopting the page the server drew.
 */
export const DeadlinesPanel = memo(({ asOf, caseId }: { asOf: string; caseId?: string | undefined }) => {
  const { t, f } = useI18n();
  const id = useId();
  const query = useQuery(deadlineQueries.panel(caseId ? { asOf, caseId } : { asOf }));
  // The names in the rows: the list appears once they are in, so no row rewraps when a name replaces an id.
  const vendors = useQuery(referenceQueries.vendors());
  const organisation = useQuery(referenceQueries.organisation());
  const cases = useQuery(deadlineQueries.cases());
  return (
    <section className="panel dl-panel" aria-labelledby={`${id}-title`}>
      <div className="dl-panel-head">
        <h2 id={`${id}-title`} className="dl-panel-title">
          {t("deadlines.panelTitle")}
        </h2>
        <p className="dl-panel-lead">{t("deadlines.panelLead", { days: f.number(DUE_SOON_DAYS) })}</p>
        <Link className="dl-see-all no-print" to={ALL_DEADLINES}>
          {t("deadlines.seeAll")}
        </Link>
      </div>
      <QueryState query={query} waitFor={[vendors, organisation, cases]} skeleton={<PanelSkeleton />}>
        {(d) => <PanelBody deadlines={d} />}
      </QueryState>
    </section>
  );
});

const PanelBody = ({ deadlines: d }: { deadlines: TDeadlines }) => {
  const { t, f } = useI18n();
  const urgent = d.items.filter((i) => i.state === "overdue" || i.state === "due_soon");
  const unreported = d.items.filter((i) => i.state === "not_reported");
  const shown = [...urgent, ...unreported].slice(0, PANEL_ROWS);
  // The counts cover every deadline, not only the page the API answered.
  const rest = d.counts.overdue + d.counts.dueSoon + d.counts.notReported - shown.length;
  const days = f.number(d.withinDays);
  return (
    <div className="dl-panel-body">
      <div className="dl-counts">
        <Count tone="overdue" label={t("deadlines.countOverdue")} n={d.counts.overdue} />
        <Count tone="soon" label={t("deadlines.countDueSoon", { days })} n={d.counts.dueSoon} />
        <Count tone="unreported" label={t("deadlines.countNotReported")} n={d.counts.notReported} />
        {d.counts.notReported > 0 ? (
          <p className="dl-count-note">
            <NotReported /> {t("deadlines.countNotReportedNote")}
          </p>
        ) : null}
      </div>
      <div className="dl-short">
        {urgent.length === 0 ? <p className="dl-none">{t("deadlines.panelNone", { days })}</p> : null}
        {shown.length > 0 ? (
          <ul className="dl-list" aria-label={t("deadlines.panelListLabel")}>
            {shown.map((item) => (
              <PanelRow key={item.key} item={item} />
            ))}
          </ul>
        ) : null}
        <p className="dl-panel-foot">
          {rest > 0 ? (
            <Link className="dl-more" to={ALL_DEADLINES}>
              {t("deadlines.panelMore", { n: f.number(rest) })}
            </Link>
          ) : null}
          <span className="dl-counting">
            {t("deadlines.asOf", { date: f.date(d.asOf) })}
            {t("deadlines.listSeparator")}
            {t("deadlines.dayCountingNote", {
              mode: t(`deadlines.dayCounting.${d.dayCounting}`),
            })}
          </span>
        </p>
      </div>
    </div>
  );
};

const Count = ({ tone, label, n }: { tone: "overdue" | "soon" | "unreported"; label: string; n: number }) => {
  const { t, f } = useI18n();
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled figure, not a set of form controls (fieldset)
    <div
      className={`dl-count dl-count-${tone}${n === 0 ? " dl-count-zero" : ""}`}
      role="group"
      aria-labelledby={id}
    >
      <p className="dl-count-label" id={id}>
        {label}
      </p>
      <p className="dl-count-value">{t("deadlines.countValue", { n: f.number(n) })}</p>
    </div>
  );
};

const PanelRow = ({ item }: { item: TDeadline }) => {
  const { t } = useI18n();
  const whose = useWhose();
  const cases = useCaseName();
  // The case is named only when the record has more than one.
  const caseName = (cases.query.data?.items.length ?? 0) > 1 ? cases.name(item.caseId) : null;
  return (
    <li className={`dl-row dl-row-${item.state}`}>
      <span className="dl-row-state">
        <StateChip deadline={item} />
      </span>
      <DeadlineWhat deadline={item} caseName={caseName} />
      <span className="dl-row-whose">
        <span className="visually-hidden">{t("deadlines.whoseLabel")}: </span>
        <span className={`dl-owner dl-owner-${item.owner}`}>{t(`deadlines.owner.${item.owner}`)}</span>
        {item.owner === "vendor" ? <span className="dl-row-actors">{whose.text(item)}</span> : null}
      </span>
      <span className="dl-row-due">
        <span className="visually-hidden">{t("deadlines.colDue")}: </span>
        <DueDate deadline={item} />
      </span>
      <span className="dl-row-days">
        <DaysText deadline={item} />
      </span>
    </li>
  );
};

/**
 * The panel's boxes before the data: the same counts and rows, laid out as the content will be, so the
 * sections below do not move when it arrives.
 */
const PanelSkeleton = () => {
  const { t, f } = useI18n();
  const days = f.number(DUE_SOON_DAYS);
  const labels = [
    t("deadlines.countOverdue"),
    t("deadlines.countDueSoon", { days }),
    t("deadlines.countNotReported"),
  ];
  return (
    <div className="dl-panel-body">
      <div className="dl-counts">
        {labels.map((label) => (
          <div key={label} className="dl-count dl-count-zero">
            <p className="dl-count-label ghost-text" data-text={label} />
            <p className="dl-count-value">
              <span className="skeleton dl-skeleton-figure" />
            </p>
          </div>
        ))}
      </div>
      <div className="dl-short">
        <div className="dl-list">
          {[1, 2, 3].map((n) => (
            <div key={n} className="dl-row dl-row-skeleton">
              <span className="skeleton dl-skeleton-line" />
            </div>
          ))}
        </div>
        <p className="dl-panel-foot" />
      </div>
    </div>
  );
};
