import { useQueries, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { DataTable } from "@/components/data-table";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { sourceColumn } from "@/components/source-column";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { isDayPrecise } from "@/shared/dates";
import type { TIncidentSummary, TMilestone } from "@/shared/schemas/incident";
import type { TIntervalStats, TMilestoneInterval } from "@/shared/schemas/stats";
import { overviewQueries } from "../api/queries";
import { caseSpan, type TTimelineRow, timelineRows } from "./overview-model";

/*
 * The course of the case in words and numbers, per incident: every milestone in date order, the days
 * since the previous dated one, and the spans a board asks about. A table, not a chart, so it reads the
 * same on paper and in grey.
 */
export const CaseTimeline = ({ asOf }: { asOf: string }) => {
  const { t } = useI18n();
  const incidents = useQuery(overviewQueries.incidents());
  const intervals = useQuery(overviewQueries.intervals());
  const overview = useQuery(overviewQueries.headline(asOf));
  const documents = useQuery(referenceQueries.documents());
  // Every incident's milestones, asked for as soon as the list is in: the section shows once, whole, so
  // that a course arriving late never pushes the ones below it (and the page's end) down.
  const details = useQueries({
    queries: (incidents.data?.items ?? []).map((i) => overviewQueries.incident(i.id)),
  });
  return (
    <section className="ov-section ov-timeline" aria-labelledby="ov-timeline-title">
      <h2 id="ov-timeline-title" className="ov-section-title">
        {t("overview.timelineTitle")}
      </h2>
      <QueryState
        query={intervals}
        waitFor={[incidents, overview, documents, ...details]}
        minHeight="var(--ov-timeline-height)"
      >
        {(stats) => (
          <QueryState
            query={incidents}
            minHeight="var(--ov-timeline-height)"
            isEmpty={(d) => d.items.length === 0}
          >
            {(list) => (
              <>
                <CaseSpan asOf={asOf} incidents={list.items} />
                <p className="ov-note">{t("overview.timelineNote")}</p>
                <div className="ov-timeline-incidents">
                  {list.items.map((i) => (
                    <IncidentCourse key={i.id} incident={i} stats={stats} />
                  ))}
                </div>
              </>
            )}
          </QueryState>
        )}
      </QueryState>
    </section>
  );
};

/** "From the first occurrence to the latest board meeting: N days", once the pieces have arrived. */
const CaseSpan = ({ asOf, incidents }: { asOf: string; incidents: TIncidentSummary[] }) => {
  const { t, f } = useI18n();
  const overview = useQuery(overviewQueries.headline(asOf));
  // The first incident (by date) is the one whose occurrence starts the case.
  const firstId = [...incidents]
    .filter((i) => i.firstDate !== null)
    .sort((a, b) => ((a.firstDate ?? "") < (b.firstDate ?? "") ? -1 : 1))[0]?.id;
  const first = useQuery({ ...overviewQueries.incident(firstId ?? ""), enabled: firstId !== undefined });
  const meeting = overview.data?.latestMeeting ?? null;
  const span = first.data ? caseSpan([first.data], meeting) : null;
  if (!span || !meeting) return null;
  return (
    <p className="ov-case-span">
      {t("overview.caseSpan", {
        from: f.date(span.from.date),
        to: f.date(span.toDate),
      })}{" "}
      <strong className="ov-case-days">{f.days(span.days)}</strong>
      {span.from.outsideRecord ? (
        <>
          {" "}
          <OutsideMark text={t("overview.outsideSpanMark")} />
        </>
      ) : null}
    </p>
  );
};

const SPAN_FROM: Partial<Record<TMilestone["kind"], TMessageKey>> = {
  occurred: "overview.spanFromOccurred",
  detected: "overview.spanFromDetected",
};
const SPAN_TO: Partial<Record<TMilestone["kind"], TMessageKey>> = {
  reported_to_organisation: "overview.spanToOrganisation",
  reported_to_board: "overview.spanToBoard",
};

const IncidentCourse = ({ incident, stats }: { incident: TIncidentSummary; stats: TIntervalStats }) => {
  const { t, tx } = useI18n();
  const id = useId();
  const detail = useQuery(overviewQueries.incident(incident.id));
  const heading = `${t("overview.incidentNumber", { n: incident.number })} ${tx(incident.title)}`;
  const steps = stats.steps.filter((s) => s.incidentId === incident.id);
  const spans = stats.spans.filter((s) => s.incidentId === incident.id);
  return (
    <article className="ov-course" aria-labelledby={id}>
      <h3 id={id} className="ov-course-title">
        {heading}
      </h3>
      <Spans spans={spans} />
      <QueryState query={detail} minHeight="8rem">
        {(full) => (
          <CourseTable
            caption={t("overview.courseCaption", { incident: heading })}
            id={incident.id}
            rows={timelineRows(full.milestones, steps)}
          />
        )}
      </QueryState>
    </article>
  );
};

const Spans = ({ spans }: { spans: TMilestoneInterval[] }) => {
  const { t, f } = useI18n();
  const label = (kind: TMilestone["kind"], table: typeof SPAN_FROM) => {
    const key = table[kind];
    return key ? t(key) : t(`domain.milestone.${kind}` as TMessageKey);
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
  const kind = (m: TMilestone) => t(`domain.milestone.${m.kind}` as TMessageKey);
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
          render: (r) => {
            const i = rows.indexOf(r);
            return <span className="ov-course-since">{since(r, i).text}</span>;
          },
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
