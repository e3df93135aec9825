import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { DataTable } from "@/components/data-table";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { sourceColumn } from "@/components/source-column";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { isDayPrecise } from "@/shared/dates";
import type { TMilestone } from "@/shared/schemas/incident";
import type { TIntervalStats, TMilestoneInterval, TOverview } from "@/shared/schemas/stats";
import { overviewQueries, type TOverviewScope } from "../api/queries";
import { type TTimelineRow, timelineRows } from "./overview-model";

/*
 * The course of each case in words and numbers: its span from the first to the last dated day (never
 * across cases), then per incident every milestone in date order, the days since the previous dated one,
 * and the spans a board asks about. All from one as-of answer for the scope. A table, not a chart, so
 * it reads the same on paper and in grey.
 */
export const CaseTimeline = ({ scope }: { scope: TOverviewScope }) => {
  const { t } = useI18n();
  const intervals = useQuery(overviewQueries.intervals(scope));
  // The case and incident names (the headline's answer, already in).
  const overview = useQuery(overviewQueries.headline(scope));
  if (overview.data && overview.data.portfolio.length === 0) return null;
  return (
    <section className="ov-section ov-timeline" aria-labelledby="ov-timeline-title">
      <h2 id="ov-timeline-title" className="ov-section-title">
        {t("overview.timelineTitle")}
      </h2>
      <QueryState query={intervals} waitFor={[overview]}>
        {(stats) =>
          overview.data ? (
            <>
              <p className="ov-note">{t("overview.timelineNote")}</p>
              <div className="ov-timeline-cases">
                {overview.data.portfolio.map((line) => (
                  <CaseCourse key={line.caseId} line={line} overview={overview.data} stats={stats} />
                ))}
              </div>
            </>
          ) : null
        }
      </QueryState>
    </section>
  );
};

const CaseCourse = ({
  line,
  overview,
  stats,
}: {
  line: TOverview["portfolio"][number];
  overview: TOverview;
  stats: TIntervalStats;
}) => {
  const { tx } = useI18n();
  const id = useId();
  const incidents = overview.affected.byIncident.filter((i) => i.caseId === line.caseId);
  return (
    <article className="ov-case-course" aria-labelledby={id}>
      <h3 id={id} className="ov-case-course-title">
        {tx(line.title)}
      </h3>
      <CaseSpan
        caseId={line.caseId}
        incidentIds={new Set(incidents.map((i) => i.incidentId))}
        stats={stats}
      />
      <div className="ov-timeline-incidents">
        {incidents.map((i) => (
          <IncidentCourse
            key={i.incidentId}
            incidentId={i.incidentId}
            heading={i}
            milestones={stats.milestones.filter((m) => m.incidentId === i.incidentId)}
            stats={stats}
          />
        ))}
      </div>
    </article>
  );
};

/** "From the first dated day (…) to the last (…): N days", for one case; the API counts it. */
const CaseSpan = ({
  caseId,
  incidentIds,
  stats,
}: {
  caseId: string;
  incidentIds: ReadonlySet<string>;
  stats: TIntervalStats;
}) => {
  const { t, f } = useI18n();
  const span = stats.cases.find((c) => c.caseId === caseId);
  if (!span || span.firstDate === null || span.lastDate === null || span.days === null) {
    return <p className="ov-note">{t("overview.caseSpanNone")}</p>;
  }
  // An end is marked when every milestone of that day in this case comes from outside the record.
  const caseMilestones = stats.milestones.filter(
    (m) => incidentIds.has(m.incidentId) && isDayPrecise(m.date),
  );
  const onlyOutside = (date: string) => {
    const that = caseMilestones.filter((m) => m.date === date);
    return that.length > 0 && that.every((m) => m.outsideRecord);
  };
  return (
    <p className="ov-case-span">
      {t("overview.caseSpan", { from: f.date(span.firstDate), to: f.date(span.lastDate) })}{" "}
      <strong className="ov-case-days">{f.days(span.days)}</strong>
      {onlyOutside(span.firstDate) || onlyOutside(span.lastDate) ? (
        <>
          {" "}
          <OutsideMark text={t("overview.outsideSpanMark")} />
        </>
      ) : null}
    </p>
  );
};

const SPAN_FROM: Partial<Record<TMilestone["kind"], TPlainKey>> = {
  occurred: "overview.spanFromOccurred",
  detected: "overview.spanFromDetected",
};
const SPAN_TO: Partial<Record<TMilestone["kind"], TPlainKey>> = {
  reported_to_organisation: "overview.spanToOrganisation",
  reported_to_board: "overview.spanToBoard",
};

const IncidentCourse = ({
  incidentId,
  heading: h,
  milestones,
  stats,
}: {
  incidentId: string;
  heading: { number: number; title: { ja: string; en: string } };
  milestones: readonly TMilestone[];
  stats: TIntervalStats;
}) => {
  const { t, tx } = useI18n();
  const id = useId();
  const heading = `${t("overview.incidentNumber", { n: h.number })} ${tx(h.title)}`;
  const steps = stats.steps.filter((s) => s.incidentId === incidentId);
  const spans = stats.spans.filter((s) => s.incidentId === incidentId);
  return (
    <article className="ov-course" aria-labelledby={id}>
      <h4 id={id} className="ov-course-title">
        {heading}
      </h4>
      <Spans spans={spans} />
      {milestones.length === 0 ? (
        <p className="ov-note">{t("overview.noMilestones")}</p>
      ) : (
        <CourseTable
          caption={t("overview.courseCaption", { incident: heading })}
          id={incidentId}
          rows={timelineRows(milestones, steps)}
        />
      )}
    </article>
  );
};

const Spans = ({ spans }: { spans: TMilestoneInterval[] }) => {
  const { t, f } = useI18n();
  const label = (kind: TMilestone["kind"], table: typeof SPAN_FROM) => {
    const key = table[kind];
    return key ? t(key) : t(`domain.milestone.${kind}`);
  };
  if (spans.length === 0) {
    return <p className="ov-note">{t("overview.noSpans")}</p>;
  }
  return (
    <ul className="ov-spans">
      {spans.map((s) => (
        <li key={`${s.fromMilestoneId}-${s.toMilestoneId}`}>
          <span className="ov-span-label">
            {t("overview.spanLabel", { from: label(s.fromKind, SPAN_FROM), to: label(s.toKind, SPAN_TO) })}
          </span>{" "}
          <strong className="ov-span-days">{f.days(s.days)}</strong>
          {s.outsideRecord ? (
            <>
              {" "}
              <OutsideMark text={t("overview.outsideSpanMark")} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
};

const CourseTable = ({ caption, id, rows }: { caption: string; id: string; rows: TTimelineRow[] }) => {
  const { t, tx, f } = useI18n();
  const kind = (m: TMilestone) => t(`domain.milestone.${m.kind}`);
  // A range may break after its separator on narrow screens; a single date never breaks.
  const when = (m: TMilestone) =>
    m.endDate ? (
      <>
        <span className="ov-nowrap">{t("overview.dateRangeFrom", { from: f.date(m.date) })}</span>
        <wbr />
        <span className="ov-nowrap">{f.date(m.endDate)}</span>
      </>
    ) : (
      <span className="ov-nowrap">{f.date(m.date)}</span>
    );
  const since = (r: TTimelineRow, i: number) => {
    if (!isDayPrecise(r.milestone.date)) return { text: t("overview.monthOnly"), csv: "" };
    if (!r.step)
      return { text: i === 0 ? t("overview.firstMilestone") : t("overview.afterMonthOnly"), csv: "" };
    const days =
      r.step.days === 0 ? t("overview.sameDay") : t("overview.plusDays", { days: f.days(r.step.days) });
    return {
      text: r.stepSkipsRow ? t("overview.daysFrom", { days, from: f.date(r.step.fromDate) }) : days,
      csv: r.step.days,
    };
  };
  return (
    <DataTable<TTimelineRow>
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.milestone.id}
      csvName={`overview-course-${id}`}
      columns={[
        {
          key: "date",
          header: t("overview.colDate"),
          render: (r) => <span className="ov-course-date">{when(r.milestone)}</span>,
          csv: (r) => (r.milestone.endDate ? `${r.milestone.date}/${r.milestone.endDate}` : r.milestone.date),
        },
        {
          key: "since",
          header: t("overview.colSincePrevious"),
          align: "end",
          render: (r) => <span className="ov-course-since">{since(r, rows.indexOf(r)).text}</span>,
          csv: (r) => since(r, rows.indexOf(r)).csv,
        },
        {
          key: "kind",
          header: t("overview.colMilestone"),
          render: (r) => (
            <>
              <span className="ov-course-kind">{kind(r.milestone)}</span>
              {r.milestone.outsideRecord ? (
                <>
                  {" "}
                  <OutsideMark />
                </>
              ) : null}
              {r.milestone.note ? (
                <>
                  {" "}
                  <span className="ov-course-note">{tx(r.milestone.note)}</span>
                </>
              ) : null}
            </>
          ),
          csv: (r) =>
            [
              kind(r.milestone),
              r.milestone.outsideRecord ? t("overview.outsideMark") : "",
              r.milestone.note ? tx(r.milestone.note) : "",
            ]
              .filter(Boolean)
              .join(" "),
        },
        sourceColumn(t("common.source"), (r: TTimelineRow) => r.milestone.source),
      ]}
    />
  );
};
