import { type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { lazy, memo, useState } from "react";
import { Link } from "react-router";
import { ChartFrame, ChartFrameSkeleton } from "@/components/chart-frame";
import { DataTable, TABLE_PAGE_ROWS } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { utcTime } from "@/shared/dates";
import { CHART_BARS } from "@/shared/overview-limits";
import type { TCohortPurpose } from "@/shared/schemas/cohort";
import type { TCommitmentStatus } from "@/shared/schemas/commitment";
import type { TImpactTotal } from "@/shared/schemas/incident";
import type {
  TCohortCompletion,
  TOverview,
  TRemediationStats,
  TRemediationTimeline,
} from "@/shared/schemas/stats";
import { overviewQueries, type TOverviewScope } from "../api/queries";
import { AffectedChart } from "./affected-chart";
import { correctionsChartCode } from "./chart-code";
import { FILLS, rowPxFor, SERVICE_FILLS, type TFill, textWidth } from "./chart-patterns";
import { CommitmentsChart } from "./commitments-chart";
import type { TCorrectionsPanel } from "./corrections-chart";
import {
  affectedGroups,
  barChartHeight,
  cohortTree,
  completionBars,
  panelsHeight,
  type TAffectedGroup,
  totalKey,
} from "./overview-model";
import { RemediationChart } from "./remediation-chart";
import { usePopulationNames } from "./use-population-names";

// Recharts is only imported by the progress chart, so it lands in its own chunk and never delays the
// figures; the route loader has already asked for it, with the data (./chart-code.ts). The bar charts are
// plain SVG, drawn with the page (on the server too).
const CorrectionsChart = lazy(correctionsChartCode);

/** Whether two scopes are the same (the page makes a new one from its address on each render). */
const sameScope = (a: TOverviewScope, b: TOverviewScope) => {
  const keys = Object.keys(a) as (keyof TOverviewScope)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * The charts of the overview, each with its data table and CSV. A chart is drawn per unit and population
 * (people are never stacked on records, nor members on customers) and per purpose (letters are never
 * drawn as money); each is as tall as what it draws, and a chart with nothing to draw is left out.
 *
 * Rendered again only for another scope (or its own data and state): when the app has adopted the page
 * the server drew, the page renders once more to add its end, and the charts' hundreds of SVG elements,
 * compared again each time, made that render's commit a task of 20–25 ms at 1× CPU (issue 10).
 */
export const OverviewCharts = memo(
  ({ scope }: { scope: TOverviewScope }) => {
    const { t } = useI18n();
    // No case in scope: the headline says so, and there is nothing to chart.
    const overview = useQuery(overviewQueries.headline(scope));
    if (overview.data && overview.data.cases.total === 0) return null;
    return (
      <section className="ov-section" aria-labelledby="ov-charts-title">
        <h2 id="ov-charts-title" className="ov-section-title">
          {t("overview.chartsTitle")}
        </h2>
        <div className="ov-charts">
          <AffectedFrames scope={scope} />
          <RemediationFrames scope={scope} />
          <CorrectionsFrame scope={scope} />
          <CommitmentsFrame scope={scope} />
        </div>
      </section>
    );
  },
  (a, b) => sameScope(a.scope, b.scope),
);

/** Says, when a chart draws only the first CHART_BARS of its rows, that its table has them all. */
const useCappedNote = () => {
  const { t, f } = useI18n();
  return (rows: number) =>
    rows > CHART_BARS
      ? t("overview.chartCapped", { shown: f.number(CHART_BARS), total: f.number(rows) })
      : null;
};

/** Legend lines to hold for `items` keys (two a line at the narrowest chart width). */
const legendLines = (items: number) => Math.max(1, Math.ceil(items / 2));

// ---------------------------------------------------------------------------------------------------
// Who or what was affected

const NO_SERVICE = "-";
const NO_SERVICE_FILL: TFill = { color: "#b8bcc4", texture: "solid" };

const affectedHeight = (rows: number, services: number, unattributed: boolean, rowPx?: number) =>
  barChartHeight(rows, legendLines(services + (unattributed ? 1 : 0)), rowPx);

/** The figure a total adds up to, in words ("1,909名", "未報告", "確認の結果なし", "46名以上"). */
const useTotalText = () => {
  const { t, f } = useI18n();
  return (total: TImpactTotal) => {
    if (total.confirmedNone) return t("common.confirmedNone");
    if (!total.complete && total.value === 0) return t("common.notReported");
    const value = total.unit === "people" ? f.people(total.value) : f.records(total.value);
    return total.complete ? value : `${value} ${t("overview.floorTag")}`;
  };
};

const AffectedFrames = ({ scope }: { scope: TOverviewScope }) => {
  const query = useQuery(overviewQueries.affected(scope));
  // The headline's answer (already in) tells how many charts of how many rows are coming.
  const overview = useQuery(overviewQueries.headline(scope));
  return (
    <QueryState query={query} skeleton={<AffectedSkeleton overview={overview.data} />}>
      {(stats) => (
        <>
          {affectedGroups(stats).map((group) => (
            <AffectedFrame
              key={group.key}
              scope={scope}
              group={group}
              incidents={
                stats.incidentCounts.find((c) => totalKey(c) === group.key)?.incidents ?? group.rows.length
              }
            />
          ))}
        </>
      )}
    </QueryState>
  );
};

const AffectedSkeleton = ({ overview }: { overview: TOverview | undefined }) => {
  const names = usePopulationNames();
  const { t } = useI18n();
  return (
    <>
      {(overview?.affected.totals ?? []).map((total) => {
        const rows = overview?.affected.byIncident.filter((i) =>
          i.totals.some((x) => totalKey(x) === totalKey(total)),
        ).length;
        return (
          <ChartFrameSkeleton
            key={totalKey(total)}
            title={t("overview.chartAffectedTitle", { what: names.affected(total.unit, total.populationId) })}
            description={t("overview.chartAffectedDescription", { total: "0,000" })}
            height={affectedHeight(Math.min(rows ?? 1, CHART_BARS), 1, false)}
          />
        );
      })}
    </>
  );
};

/**
 * The whole list behind a table that holds what its chart draws: asked for only when the reader presses
 * the button (one more request, never part of the first screen); a failed ask is tried again by the same
 * button.
 */
const useWholeList = <T, K extends readonly unknown[]>(options: UseQueryOptions<T, Error, T, K>) => {
  const [asked, setAsked] = useState(false);
  const query = useQuery({ ...options, enabled: asked });
  return {
    data: query.data,
    isFetching: query.isFetching,
    isError: query.isError,
    ask: () => (query.isError ? void query.refetch() : setAsked(true)),
  };
};

/** Below such a table: how many more there are, and the button. Printed, it says what the table holds. */
const ListedOnly = ({
  note,
  askText,
  whole,
}: {
  note: string;
  askText: string;
  whole: Omit<ReturnType<typeof useWholeList>, "data">;
}) => {
  const { t } = useI18n();
  return (
    <div className="table-more">
      <p role="status">{note}</p>
      <button
        type="button"
        className="button button-secondary no-print"
        onClick={whole.ask}
        disabled={whole.isFetching}
      >
        {whole.isFetching ? t("common.loading") : askText}
      </button>
      {whole.isError ? (
        <p role="alert" className="no-print">
          {t("common.errorTitle")}
        </p>
      ) : null}
    </div>
  );
};

const AffectedFrame = ({
  scope,
  group,
  incidents,
}: {
  scope: TOverviewScope;
  /** The figure's incidents the chart draws (the first CHART_BARS). */
  group: TAffectedGroup;
  /** Incidents with the figure in scope, listed or not. */
  incidents: number;
}) => {
  const { t, tx, f } = useI18n();
  const whole = useWholeList(overviewQueries.affectedAll(scope));
  const rows =
    (whole.data && affectedGroups(whole.data).find((g) => g.key === group.key)?.rows) || group.rows;
  const names = usePopulationNames();
  const totalText = useTotalText();
  const cappedNote = useCappedNote();
  const title = t("overview.chartAffectedTitle", { what: names.affected(group.unit, group.populationId) });
  const unattributed = group.rows.some((r) => r.unattributed > 0);
  const series = [
    ...group.services.map((s, i) => ({
      key: s.serviceId,
      name: tx(s.serviceName),
      fill: SERVICE_FILLS[i % SERVICE_FILLS.length] as TFill,
    })),
    ...(unattributed ? [{ key: NO_SERVICE, name: t("overview.chartNoService"), fill: NO_SERVICE_FILL }] : []),
  ];
  // The chart draws the first CHART_BARS incidents; the table lists every one.
  const data = group.rows.slice(0, CHART_BARS).map((r) => ({
    incidentId: r.incidentId,
    heading: t("overview.incidentNumber", { n: r.number }),
    title: tx(r.title),
    totalLabel: totalText(r.total),
    ...Object.fromEntries(group.services.map((s) => [`p:${s.serviceId}`, r.counts[s.serviceId] ?? 0])),
    [`p:${NO_SERVICE}`]: r.unattributed,
  }));
  const format = (v: number) => (group.unit === "people" ? f.people(v) : f.records(v));
  const count = (r: (typeof group.rows)[number], serviceId: string) =>
    r.unreportedServices.includes(serviceId) ? null : (r.counts[serviceId] ?? undefined);
  const description = [
    t("overview.chartAffectedDescription", { total: totalText(group.total) }),
    group.outside > 0 ? t("overview.chartAffectedOutside") : null,
    cappedNote(incidents),
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <ChartFrame
      title={title}
      description={description}
      height={affectedHeight(
        data.length,
        group.services.length,
        unattributed,
        rowPxFor(
          data.map((d) => d.title),
          "affected",
        ),
      )}
      drawNow
      chart={<AffectedChart data={data} series={series} />}
      table={
        <>
          <DataTable
            caption={t("common.chartTableCaption", { title })}
            rows={rows}
            rowKey={(r) => r.incidentId}
            pageRows={TABLE_PAGE_ROWS}
            csvName={`overview-affected-${group.unit}${group.populationId ? `-${group.populationId}` : ""}`}
            columns={[
              {
                key: "incident",
                header: t("overview.colIncident"),
                render: (r) => (
                  <Link to={`/incidents/${r.incidentId}`}>
                    {t("overview.incidentNumber", { n: r.number })} {tx(r.title)}
                  </Link>
                ),
                csv: (r) => `${t("overview.incidentNumber", { n: r.number })} ${tx(r.title)}`,
              },
              ...group.services.map((s) => ({
                key: s.serviceId,
                header: tx(s.serviceName),
                align: "end" as const,
                render: (r: (typeof group.rows)[number]) => {
                  const v = count(r, s.serviceId);
                  return v === null ? <NotReported /> : v === undefined ? "—" : format(v);
                },
                csv: (r: (typeof group.rows)[number]) => {
                  const v = count(r, s.serviceId);
                  return v === null ? t("common.notReported") : v === undefined ? "" : v;
                },
              })),
              {
                key: "total",
                header: t("overview.colTotal"),
                align: "end",
                render: (r) =>
                  !r.total.complete && r.total.value === 0 && !r.total.confirmedNone ? (
                    <NotReported />
                  ) : (
                    totalText(r.total)
                  ),
                csv: (r) => (r.total.complete ? r.total.value : totalText(r.total)),
              },
            ]}
          />
          {rows.length < incidents ? (
            <ListedOnly
              note={t("overview.tableFirstIncidents", {
                shown: f.number(rows.length),
                total: f.number(incidents),
              })}
              askText={t("overview.tableAllIncidents", { total: f.number(incidents) })}
              whole={whole}
            />
          ) : null}
        </>
      }
    />
  );
};

// ---------------------------------------------------------------------------------------------------
// Remediation per group, money and letters apart

const PURPOSE_TEXT = {
  financial: {
    title: "overview.chartFinancialTitle",
    description: "overview.chartFinancialDescription",
    done: "overview.segmentDone",
    remaining: "overview.segmentRemaining",
    colDone: "overview.colDone",
    colRemaining: "overview.colRemaining",
  },
  notification: {
    title: "overview.chartNotificationTitle",
    description: "overview.chartNotificationDescription",
    done: "overview.segmentSent",
    remaining: "overview.segmentNotSent",
    colDone: "overview.colSent",
    colRemaining: "overview.colNotSent",
  },
} as const satisfies Record<TCohortPurpose, Record<string, TPlainKey>>;

const RemediationFrames = ({ scope }: { scope: TOverviewScope }) => {
  const { t } = useI18n();
  const query = useQuery(overviewQueries.remediation(scope));
  return (
    <QueryState
      query={query}
      skeleton={
        // Stands in only until the answer the headline already waited for is read from the cache.
        <ChartFrameSkeleton title={t(PURPOSE_TEXT.financial.title)} height={barChartHeight(1)} />
      }
    >
      {(stats) => (
        <>
          {stats.purposes.map(({ purpose, groups }) => (
            <RemediationFrame key={purpose} scope={scope} stats={stats} purpose={purpose} groups={groups} />
          ))}
        </>
      )}
    </QueryState>
  );
};

const RemediationFrame = ({
  scope,
  stats,
  purpose,
  groups,
}: {
  scope: TOverviewScope;
  /** The groups the chart draws (the first CHART_BARS of each purpose) and the counts of all. */
  stats: TRemediationStats;
  purpose: TCohortPurpose;
  /** Top-level groups of the purpose in scope, listed or not. */
  groups: number;
}) => {
  const { t, tx, f } = useI18n();
  const names = usePopulationNames();
  const text = PURPOSE_TEXT[purpose];
  const cappedNote = useCappedNote();
  const title = t(text.title);
  // The chart draws the first CHART_BARS groups, which the answer lists; the table lists those, and every
  // group once the reader asks for them (one more request, never part of the first screen).
  const whole = useWholeList(overviewQueries.remediationAll(scope));
  const bars = completionBars(stats.cohorts.filter((c) => c.purpose === purpose)).slice(0, CHART_BARS);
  const populations = new Set(bars.map((b) => b.populationId));
  // A label needs about 12% of the bar to fit; thinner segments are read from the table.
  const fits = (pct: number) => pct >= 12;
  const data = bars.map((b) => ({
    cohortId: b.cohortId,
    heading:
      populations.size > 1
        ? `${t("overview.incidentNumber", { n: b.incidentNumber })}${t("overview.listSeparator")}${names.population(b.populationId)}`
        : t("overview.incidentNumber", { n: b.incidentNumber }),
    label: tx(b.label),
    donePct: b.donePct,
    remainingPct: b.remainingPct,
    notReportedPct: b.notReportedPct,
    doneText: fits(b.donePct) ? f.people(b.done) : "",
    remainingText: fits(b.remainingPct) ? f.people(b.remaining) : "",
    notReportedText: fits(b.notReportedPct)
      ? b.people === null
        ? t("common.notReported")
        : t("overview.segmentNotReportedText", { n: f.people(b.notReported) })
      : "",
  }));
  const tree = cohortTree((whole.data ?? stats).cohorts.filter((c) => c.purpose === purpose));
  const listed = tree.filter((r) => r.depth === 0).length;
  type TRow = (typeof tree)[number];
  const num = (v: number | null, unit: "people" | "yen") =>
    v === null ? <NotReported /> : unit === "people" ? f.people(v) : f.yen(v);
  const csvNum = (v: number | null) => v ?? t("common.notReported");
  // A sub-group whose size is unknown has an unknown number of unreported people too: not 0.
  const notReportedOf = (c: TCohortCompletion) => (c.people === null ? null : c.notReported);
  const money = purpose === "financial";
  return (
    <ChartFrame
      title={title}
      description={[t(text.description), cappedNote(groups)].filter(Boolean).join(" ")}
      height={barChartHeight(
        bars.length,
        1,
        rowPxFor(
          data.map((d) => d.label),
          "remediation",
        ),
      )}
      drawNow
      chart={
        <RemediationChart
          data={data}
          segments={{
            done: t(text.done),
            remaining: t(text.remaining),
            notReported: t("overview.segmentNotReported"),
          }}
        />
      }
      table={
        <>
          <DataTable<TRow>
            caption={t("common.chartTableCaption", { title })}
            rows={tree}
            rowKey={(r) => r.cohort.cohortId}
            pageRows={TABLE_PAGE_ROWS}
            csvName={`overview-${purpose}`}
            columns={[
              {
                key: "cohort",
                header: t("overview.colCohort"),
                render: ({ cohort: c, depth }) => (
                  <span className={depth > 0 ? "ov-subcohort" : undefined}>
                    {depth > 0 ? <span className="ov-subcohort-mark">{t("overview.subCohort")}</span> : null}
                    <Link to={`/incidents/${c.incidentId}`}>
                      {t("overview.incidentNumber", { n: c.incidentNumber })}
                    </Link>{" "}
                    {tx(c.label)}
                  </span>
                ),
                csv: ({ cohort: c, depth }) =>
                  `${depth > 0 ? `${t("overview.subCohort")} ` : ""}${t("overview.incidentNumber", { n: c.incidentNumber })} ${tx(c.label)}`,
              },
              {
                key: "population",
                header: t("overview.colSeries"),
                render: ({ cohort: c }) => names.population(c.populationId),
                csv: ({ cohort: c }) => names.population(c.populationId),
              },
              {
                key: "people",
                header: t("overview.colPeople"),
                align: "end",
                render: ({ cohort: c }) => num(c.people, "people"),
                csv: ({ cohort: c }) => csvNum(c.people),
              },
              {
                key: "done",
                header: t(text.colDone),
                align: "end",
                render: ({ cohort: c }) => num(c.done, "people"),
                csv: ({ cohort: c }) => csvNum(c.done),
              },
              {
                key: "remaining",
                header: t(text.colRemaining),
                align: "end",
                render: ({ cohort: c }) => num(c.remaining, "people"),
                csv: ({ cohort: c }) => csvNum(c.remaining),
              },
              {
                key: "notReported",
                header: t("overview.colNotReported"),
                align: "end",
                render: ({ cohort: c }) => num(notReportedOf(c), "people"),
                csv: ({ cohort: c }) => csvNum(notReportedOf(c)),
              },
              // Letters carry no money: a notification table has no yen columns at all.
              ...(money
                ? [
                    {
                      key: "owedYen",
                      header: t("overview.colOwedYen"),
                      align: "end" as const,
                      render: ({ cohort: c }: TRow) => num(c.owedYen, "yen"),
                      csv: ({ cohort: c }: TRow) => csvNum(c.owedYen),
                    },
                    {
                      key: "doneYen",
                      header: t("overview.colDoneYen"),
                      align: "end" as const,
                      render: ({ cohort: c }: TRow) => num(c.doneYen, "yen"),
                      csv: ({ cohort: c }: TRow) => csvNum(c.doneYen),
                    },
                  ]
                : []),
              {
                key: "date",
                header: t("overview.colLastReport"),
                render: ({ cohort: c }) => (c.lastReportDate ? f.date(c.lastReportDate) : <NotReported />),
                csv: ({ cohort: c }) => c.lastReportDate ?? t("common.notReported"),
              },
            ]}
          />
          {listed < groups ? (
            <ListedOnly
              note={t("overview.tableFirstGroups", { shown: f.number(listed), total: f.number(groups) })}
              askText={t("overview.tableAllGroups", { total: f.number(groups) })}
              whole={whole}
            />
          ) : null}
        </>
      }
    />
  );
};

// ---------------------------------------------------------------------------------------------------
// Progress over time: a series per purpose and population

type TSeries = TRemediationTimeline["series"][number];

const CorrectionsFrame = ({ scope }: { scope: TOverviewScope }) => {
  const { t } = useI18n();
  const query = useQuery(overviewQueries.remediationTimeline(scope));
  const overview = useQuery(overviewQueries.headline(scope));
  // Until the series arrive, as many panels as the headline's totals suggest (money: people and yen).
  const expected = (overview.data?.remediation ?? [])
    .filter((r) => r.people - r.notReported > 0)
    .reduce((n, r) => n + (r.purpose === "financial" ? 2 : 1), 0);
  return (
    <QueryState
      query={query}
      skeleton={
        expected > 0 ? (
          <ChartFrameSkeleton
            title={t("overview.chartCorrectionsTitle")}
            description={t("overview.chartCorrectionsDescription")}
            height={panelsHeight(expected)}
          />
        ) : null
      }
    >
      {(timeline) =>
        timeline.series.every((s) => s.points.length === 0) ? (
          <CorrectionsEmpty />
        ) : (
          <CorrectionsLoaded timeline={timeline} />
        )
      }
    </QueryState>
  );
};

/** No dated report at all: one line in the grid, no frame held open for a chart that has nothing. */
const CorrectionsEmpty = () => {
  const { t } = useI18n();
  return (
    <div className="ov-chart-empty">
      <p className="chart-title">{t("overview.chartCorrectionsTitle")}</p>
      <p className="ov-note">{t("overview.correctionsEmpty")}</p>
    </div>
  );
};

const CorrectionsLoaded = ({ timeline }: { timeline: TRemediationTimeline }) => {
  const { t, tx, f } = useI18n();
  const names = usePopulationNames();
  // Names the group behind each report: the answer carries the names of the groups its points name.
  const cohortOf = new Map(timeline.groups.map((c) => [c.cohortId, c]));
  const seriesName = (s: Pick<TSeries, "purpose" | "populationId">) =>
    t(s.purpose === "financial" ? "overview.seriesFinancial" : "overview.seriesNotification", {
      people: names.population(s.populationId),
    });
  const drawn = timeline.series.filter((s) => s.points.length > 0);
  const undrawn = timeline.series.filter((s) => s.points.length === 0);
  const colors = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"];
  /*
   * The latest report always carries its value; an earlier one only when there are few and it stands
   * far enough (a quarter of the panel) from the next, so no two values overlap. The table has them all.
   */
  const labelled = (points: TSeries["points"]) => {
    const times = points.map((p) => utcTime(p.date));
    const span = Math.max(...times) - Math.min(...times) + 14 * 86_400_000;
    return (j: number) =>
      j === points.length - 1 ||
      (points.length <= 4 && ((times[j + 1] as number) - (times[j] as number)) / span >= 0.25);
  };
  const panels: TCorrectionsPanel[] = drawn.flatMap((s, i) => {
    const name = seriesName(s);
    const color = colors[i % colors.length] as string;
    const shows = labelled(s.points);
    const people: TCorrectionsPanel = {
      key: `${s.purpose}:${s.populationId}:people`,
      title: t(s.purpose === "financial" ? "overview.panelDonePeople" : "overview.panelSentPeople", {
        series: name,
      }),
      color,
      points: s.points.map((p, j) => ({
        t: utcTime(p.date),
        value: p.cumulativeDone,
        text: shows(j) ? f.people(p.cumulativeDone) : "",
      })),
    };
    if (s.purpose !== "financial") return [people];
    return [
      people,
      {
        key: `${s.purpose}:${s.populationId}:yen`,
        title: t("overview.panelDoneYen", { series: name }),
        color,
        dash: "6 3",
        points: s.points.map((p, j) => ({
          t: utcTime(p.date),
          value: p.cumulativeDoneYen,
          text: shows(j) ? f.yen(p.cumulativeDoneYen) : "",
        })),
      },
    ];
  });
  type TRow = TSeries["points"][number] & { series: TSeries };
  const rows: TRow[] = drawn.flatMap((s) => s.points.map((p) => ({ ...p, series: s })));
  const description = [
    t("overview.chartCorrectionsDescription"),
    undrawn.length > 0
      ? t("overview.correctionsNoPoints", {
          names: undrawn.map(seriesName).join(t("overview.nameSeparator")),
        })
      : null,
  ]
    .filter(Boolean)
    .join(" ");
  const title = t("overview.chartCorrectionsTitle");
  const money = (r: TRow) => r.series.purpose === "financial";
  return (
    <ChartFrame
      title={title}
      description={description}
      height={panelsHeight(panels.length)}
      chart={<CorrectionsChart panels={panels} />}
      table={
        <DataTable<TRow>
          caption={t("common.chartTableCaption", { title })}
          rows={rows}
          rowKey={(p) => `${p.series.purpose}-${p.series.populationId}-${p.date}-${p.cohortId}`}
          pageRows={TABLE_PAGE_ROWS}
          csvName="overview-progress"
          columns={[
            {
              key: "date",
              header: t("overview.colDate"),
              render: (p) => f.date(p.date),
              csv: (p) => p.date,
            },
            {
              key: "series",
              header: t("overview.colSeries"),
              render: (p) => seriesName(p.series),
              csv: (p) => seriesName(p.series),
            },
            {
              key: "cohort",
              header: t("overview.colCohort"),
              render: (p) => {
                // A day several groups reported on is one point: it says how many reports it adds up.
                if (p.cohortId === null || p.incidentId === null) {
                  return t("overview.reportsOfDay", { n: f.number(p.reports) });
                }
                const c = cohortOf.get(p.cohortId);
                return (
                  <>
                    <Link to={`/incidents/${p.incidentId}`}>
                      {c ? t("overview.incidentNumber", { n: c.incidentNumber }) : p.incidentId}
                    </Link>
                    {c ? ` ${tx(c.label)}` : null}
                  </>
                );
              },
              csv: (p) => {
                if (p.cohortId === null || p.incidentId === null) {
                  return t("overview.reportsOfDay", { n: f.number(p.reports) });
                }
                const c = cohortOf.get(p.cohortId);
                return c
                  ? `${t("overview.incidentNumber", { n: c.incidentNumber })} ${tx(c.label)}`
                  : p.incidentId;
              },
            },
            {
              key: "delta",
              header: t("overview.colDoneDelta"),
              align: "end",
              render: (p) => f.people(p.doneDelta),
              csv: (p) => p.doneDelta,
            },
            {
              key: "cumulative",
              header: t("overview.colCumulativeDone"),
              align: "end",
              render: (p) => f.people(p.cumulativeDone),
              csv: (p) => p.cumulativeDone,
            },
            // A letter has no amount: the yen cells of a notification series stay empty, never 0円.
            {
              key: "yenDelta",
              header: t("overview.colDoneYenDelta"),
              align: "end",
              render: (p) => (money(p) ? f.yen(p.doneYenDelta) : "—"),
              csv: (p) => (money(p) ? p.doneYenDelta : ""),
            },
            {
              key: "yenCumulative",
              header: t("overview.colCumulativeDoneYen"),
              align: "end",
              render: (p) => (money(p) ? f.yen(p.cumulativeDoneYen) : "—"),
              csv: (p) => (money(p) ? p.cumulativeDoneYen : ""),
            },
          ]}
        />
      }
    />
  );
};

// ---------------------------------------------------------------------------------------------------
// Commitments

const STATUS_FILLS: Record<TCommitmentStatus, TFill> = {
  open: FILLS.open,
  in_progress: FILLS.inProgress,
  vendor_reported_done: FILLS.vendorDone,
  verified: FILLS.verified,
  reopened: FILLS.reopened,
};

const COMMITMENTS_HEIGHT = 210;

/** Stands in for a figure in a description while it loads: as wide as the figure usually is. */
const FIGURE_STAND_IN = "0,000";

const CommitmentsFrame = ({ scope }: { scope: TOverviewScope }) => {
  const { t, f } = useI18n();
  const query = useQuery(overviewQueries.commitmentStats(scope));
  const title = t("overview.chartCommitmentsTitle");
  return (
    <QueryState
      query={query}
      skeleton={
        <ChartFrameSkeleton
          title={title}
          description={t("overview.chartCommitmentsDescriptionUndated", { n: FIGURE_STAND_IN })}
          height={COMMITMENTS_HEIGHT}
        />
      }
    >
      {(stats) => {
        // No commitment in scope: the headline says 0; an empty chart would only hold space.
        if (stats.total === 0) return null;
        const label = (s: TCommitmentStatus) => t(`domain.commitmentStatus.${s}`);
        const data = stats.byStatus.map((s) => ({
          status: s.status,
          label: label(s.status),
          count: s.count,
          countText: t("overview.countItems", { n: f.number(s.count) }),
          fill: STATUS_FILLS[s.status],
          // Room for the longest "status  N件" written left of the bars.
          width: textWidth(`${label(s.status)} ${t("overview.countItems", { n: f.number(s.count) })}`, 12),
        }));
        type TRow = (typeof stats.byStatus)[number];
        return (
          <ChartFrame
            title={title}
            description={
              stats.total > 0 && stats.withoutDueDate === stats.total
                ? t("overview.chartCommitmentsDescriptionUndated", { n: f.number(stats.total) })
                : t("overview.chartCommitmentsDescription", {
                    overdue: f.number(stats.overdue),
                    undated: f.number(stats.withoutDueDate),
                  })
            }
            height={COMMITMENTS_HEIGHT}
            drawNow
            chart={<CommitmentsChart data={data} />}
            table={
              <DataTable<TRow>
                caption={t("common.chartTableCaption", { title })}
                rows={stats.byStatus}
                rowKey={(r) => r.status}
                csvName="overview-commitments"
                columns={[
                  {
                    key: "status",
                    header: t("overview.colStatus"),
                    render: (r) => <Link to={`/commitments?status=${r.status}`}>{label(r.status)}</Link>,
                    csv: (r) => label(r.status),
                  },
                  {
                    key: "count",
                    header: t("overview.colCount"),
                    align: "end",
                    render: (r) => t("overview.countItems", { n: f.number(r.count) }),
                    csv: (r) => r.count,
                  },
                ]}
              />
            }
          />
        );
      }}
    </QueryState>
  );
};
