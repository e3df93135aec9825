import { useQuery } from "@tanstack/react-query";
import { type CSSProperties, useId } from "react";
import { Link } from "react-router";
import { DataTable } from "@/components/data-table";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { sourceColumn } from "@/components/source-column";
import type { TDocumentNames } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { isDayPrecise } from "@/shared/dates";
import type { TMilestone } from "@/shared/schemas/incident";
import type { TCaseTimeline, TMilestoneInterval } from "@/shared/schemas/stats";
import { overviewQueries, type TOverviewScope } from "../api/queries";
import { type TTimelineRow, timelineRows } from "./overview-model";

/*
 * The course of each case in words and numbers: its span from the first to the last dated day (never
 * across cases), then per incident every milestone in date order, the days since the previous dated one,
 * and the spans a board asks about. One answer for the scope, bounded by what the screen shows (the
 * latest cases, the first incidents of each), with links to the rest. A table, not a chart, so it reads
 * the same on paper and in grey.
 */
export const CaseTimeline = ({ scope }: { scope: TOverviewScope }) => {
  const { t, f } = useI18n();
  const timeline = useQuery(overviewQueries.caseTimeline(scope));
  if (timeline.data && timeline.data.totalCases === 0) return null;
  return (
    <section className="ov-section ov-timeline" aria-labelledby="ov-timeline-title">
      <h2 id="ov-timeline-title" className="ov-section-title">
        {t("overview.timelineTitle")}
      </h2>
      <QueryState query={timeline}>
        {(data) => {
          const names: TDocumentNames = new Map(data.documents.map((d) => [d.id, d]));
          const more = data.totalCases - data.cases.length;
          return (
            <>
              <p className="ov-note">{t("overview.timelineNote")}</p>
              <div className="ov-timeline-cases">
                {data.cases.map((line) => (
                  <CaseCourse key={line.caseId} line={line} names={names} />
                ))}
              </div>
              {more > 0 ? (
                <p className="ov-more no-print">
                  <Link to="/cases">{t("overview.timelineMoreCases", { n: f.number(more) })}</Link>
                </p>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
};

type TTimelineCase = TCaseTimeline["cases"][number];

const CaseCourse = ({ line, names }: { line: TTimelineCase; names: TDocumentNames }) => {
  const { t, tx, f } = useI18n();
  const id = useId();
  const more = line.totalIncidents - line.incidents.length;
  return (
    <article className="ov-case-course" aria-labelledby={id}>
      <h3 id={id} className="ov-case-course-title">
        {tx(line.title)}
      </h3>
      <CaseSpan line={line} />
      <div className="ov-timeline-incidents">
        {line.incidents.map((i) => (
          <IncidentCourse key={i.incidentId} incident={i} names={names} />
        ))}
      </div>
      {more > 0 ? (
        <p className="ov-more no-print">
          <Link to={`/cases/${line.caseId}`}>
            {t("overview.timelineMoreIncidents", { n: f.number(more) })}
          </Link>
        </p>
      ) : null}
    </article>
  );
};

/** "From the first dated day (…) to the last (…): N days", for one case; the API counts it. */
const CaseSpan = ({ line }: { line: TTimelineCase }) => {
  const { t, f } = useI18n();
  if (line.firstDate === null || line.lastDate === null || line.days === null) {
    return <p className="ov-note">{t("overview.caseSpanNone")}</p>;
  }
  // An end is marked when every milestone of that day in this case comes from outside the record.
  const caseMilestones = line.incidents.flatMap((i) => i.milestones).filter((m) => isDayPrecise(m.date));
  const onlyOutside = (date: string) => {
    const that = caseMilestones.filter((m) => m.date === date);
    return that.length > 0 && that.every((m) => m.outsideRecord);
  };
  return (
    <p className="ov-case-span">
      {t("overview.caseSpan", { from: f.date(line.firstDate), to: f.date(line.lastDate) })}{" "}
      <strong className="ov-case-days">{f.days(line.days)}</strong>
      {onlyOutside(line.firstDate) || onlyOutside(line.lastDate) ? (
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
  incident,
  names,
}: {
  incident: TTimelineCase["incidents"][number];
  names: TDocumentNames;
}) => {
  const { t, tx } = useI18n();
  const id = useId();
  const heading = `${t("overview.incidentNumber", { n: incident.number })} ${tx(incident.title)}`;
  return (
    <article
      className="ov-course"
      aria-labelledby={id}
      // Its height until it is first laid out (overview.css).
      style={{ "--course-rows": incident.milestones.length } as CSSProperties}
    >
      <h4 id={id} className="ov-course-title">
        {heading}
      </h4>
      <Spans spans={incident.spans} />
      {incident.milestones.length === 0 ? (
        <p className="ov-note">{t("overview.noMilestones")}</p>
      ) : (
        <CourseTable
          caption={t("overview.courseCaption", { incident: heading })}
          id={incident.incidentId}
          rows={timelineRows(incident.milestones, incident.steps)}
          names={names}
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

const CourseTable = ({
  caption,
  id,
  rows,
  names,
}: {
  caption: string;
  id: string;
  rows: TTimelineRow[];
  names: TDocumentNames;
}) => {
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
        sourceColumn(t("common.source"), (r: TTimelineRow) => r.milestone.source, names),
      ]}
    />
  );
};
