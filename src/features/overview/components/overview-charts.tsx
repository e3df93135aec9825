import { useQuery } from "@tanstack/react-query";
import { lazy } from "react";
import { Link } from "react-router";
import { ChartFrame, ChartFrameSkeleton } from "@/components/chart-frame";
import { DataTable } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { utcTime } from "@/shared/dates";
import type { TCommitmentStatus } from "@/shared/schemas/commitment";
import type { TCohortCompletion } from "@/shared/schemas/stats";
import { overviewQueries } from "../api/queries";
import { FILLS, SERVICE_FILLS, type TFill } from "./chart-patterns";
import { affectedRows, affectedServices, cohortTree, completionBars } from "./overview-model";

// Recharts is only imported by these modules, so it lands in its own chunk and never delays the figures.
const AffectedChart = lazy(() => import("./affected-chart"));
const RemediationChart = lazy(() => import("./remediation-chart"));
const CorrectionsChart = lazy(() => import("./corrections-chart"));
const CommitmentsChart = lazy(() => import("./commitments-chart"));

/** The charts of the overview, each with its data table and CSV. */
export const OverviewCharts = ({ asOf }: { asOf: string }) => {
  const { t } = useI18n();
  return (
    <section className="ov-section" aria-labelledby="ov-charts-title">
      <h2 id="ov-charts-title" className="ov-section-title">
        {t("overview.chartsTitle")}
      </h2>
      <div className="ov-charts">
        <AffectedFrame />
        <RemediationFrame />
        <CorrectionsFrame />
        <CommitmentsFrame asOf={asOf} />
      </div>
    </section>
  );
};

/*
 * Each chart's height (legend included) is fixed, and while its data loads a frame of the same boxes
 * stands in (ChartFrameSkeleton): the page does not move when the data, then the chart code, arrive.
 */
const AFFECTED_HEIGHT = 262;

/** Stands in for a figure in a description while it loads: as wide as the figure usually is. */
const FIGURE_STAND_IN = "0,000";

const AffectedFrame = () => {
  const { t, tx, f } = useI18n();
  const query = useQuery(overviewQueries.affected());
  const title = t("overview.chartAffectedTitle");
  return (
    <QueryState
      query={query}
      skeleton={
        <ChartFrameSkeleton
          title={title}
          description={t("overview.chartAffectedDescription", {
            total: t("common.members", { n: FIGURE_STAND_IN }),
          })}
          height={AFFECTED_HEIGHT}
        />
      }
    >
      {(stats) => {
        const rows = affectedRows(stats);
        const services = affectedServices(stats);
        const series = services.map((p, i) => ({
          serviceId: p.serviceId,
          name: tx(p.serviceName),
          fill: SERVICE_FILLS[i % SERVICE_FILLS.length] as TFill,
        }));
        const data = rows.map((r) => ({
          incidentId: r.incidentId,
          heading: t("overview.incidentNumber", { n: r.number }),
          title: tx(r.title),
          totalLabel: r.total === null ? t("common.notReported") : f.people(r.total),
          ...Object.fromEntries(services.map((p) => [`p:${p.serviceId}`, r.counts[p.serviceId] ?? 0])),
        }));
        const count = (r: (typeof rows)[number], serviceId: string) =>
          r.unreportedServices.includes(serviceId) ? null : (r.counts[serviceId] ?? undefined);
        return (
          <ChartFrame
            title={title}
            description={t("overview.chartAffectedDescription", {
              total: f.people(stats.cumulativeReported),
            })}
            height={AFFECTED_HEIGHT}
            chart={<AffectedChart data={data} series={series} />}
            table={
              <DataTable
                caption={t("common.chartTableCaption", { title })}
                rows={rows}
                rowKey={(r) => r.incidentId}
                csvName="overview-affected"
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
                  ...services.map((p) => ({
                    key: p.serviceId,
                    header: tx(p.serviceName),
                    align: "end" as const,
                    render: (r: (typeof rows)[number]) => {
                      const v = count(r, p.serviceId);
                      return v === null ? <NotReported /> : v === undefined ? "—" : f.people(v);
                    },
                    csv: (r: (typeof rows)[number]) => {
                      const v = count(r, p.serviceId);
                      return v === null ? t("common.notReported") : v === undefined ? "" : v;
                    },
                  })),
                  {
                    key: "total",
                    header: t("overview.colTotal"),
                    align: "end",
                    render: (r) => (r.total === null ? <NotReported /> : f.people(r.total)),
                    csv: (r) => r.total ?? t("common.notReported"),
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

const REMEDIATION_HEIGHT = 312;

const RemediationFrame = () => {
  const { t, tx, f } = useI18n();
  const query = useQuery(overviewQueries.remediation());
  const title = t("overview.chartRemediationTitle");
  return (
    <QueryState
      query={query}
      skeleton={
        <ChartFrameSkeleton
          title={title}
          description={t("overview.chartRemediationDescription")}
          height={REMEDIATION_HEIGHT}
        />
      }
    >
      {(stats) => {
        const bars = completionBars(stats.cohorts);
        // A label needs about 12% of the bar to fit; thinner segments are read from the table.
        const fits = (pct: number) => pct >= 12;
        const data = bars.map((b) => ({
          cohortId: b.cohortId,
          heading: t("overview.incidentNumber", { n: b.incidentNumber }),
          label: tx(b.label),
          donePct: b.donePct,
          remainingPct: b.remainingPct,
          notReportedPct: b.notReportedPct,
          doneText: fits(b.donePct) ? f.people(b.done) : "",
          remainingText: fits(b.remainingPct) ? f.people(b.remaining) : "",
          notReportedText: fits(b.notReportedPct)
            ? b.members === null
              ? t("common.notReported")
              : t("overview.segmentNotReportedText", { n: f.people(b.notReported) })
            : "",
        }));
        const tree = cohortTree(stats.cohorts);
        type TRow = (typeof tree)[number];
        const num = (v: number | null, unit: "members" | "yen") =>
          v === null ? <NotReported /> : unit === "members" ? f.people(v) : f.yen(v);
        const csvNum = (v: number | null) => v ?? t("common.notReported");
        // A sub-group whose size is unknown has an unknown number of unreported members too: not 0.
        const notReportedOf = (c: TCohortCompletion) => (c.members === null ? null : c.notReported);
        return (
          <ChartFrame
            title={title}
            description={t("overview.chartRemediationDescription")}
            height={REMEDIATION_HEIGHT}
            chart={<RemediationChart data={data} />}
            table={
              <DataTable<TRow>
                caption={t("common.chartTableCaption", { title })}
                rows={tree}
                rowKey={(r) => r.cohort.cohortId}
                csvName="overview-remediation"
                columns={[
                  {
                    key: "cohort",
                    header: t("overview.colCohort"),
                    render: ({ cohort: c, depth }) => (
                      <span className={depth > 0 ? "ov-subcohort" : undefined}>
                        {depth > 0 ? (
                          <span className="ov-subcohort-mark">{t("overview.subCohort")}</span>
                        ) : null}
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
                    key: "purpose",
                    header: t("overview.colPurpose"),
                    render: ({ cohort: c }) => t(`domain.purpose.${c.purpose}` as TMessageKey),
                    csv: ({ cohort: c }) => t(`domain.purpose.${c.purpose}` as TMessageKey),
                  },
                  {
                    key: "members",
                    header: t("overview.colMembers"),
                    align: "end",
                    render: ({ cohort: c }) => num(c.members, "members"),
                    csv: ({ cohort: c }) => csvNum(c.members),
                  },
                  {
                    key: "done",
                    header: t("overview.colDone"),
                    align: "end",
                    render: ({ cohort: c }) => num(c.done, "members"),
                    csv: ({ cohort: c }) => csvNum(c.done),
                  },
                  {
                    key: "remaining",
                    header: t("overview.colRemaining"),
                    align: "end",
                    render: ({ cohort: c }) => num(c.remaining, "members"),
                    csv: ({ cohort: c }) => csvNum(c.remaining),
                  },
                  {
                    key: "notReported",
                    header: t("overview.colNotReported"),
                    align: "end",
                    render: ({ cohort: c }) => num(notReportedOf(c), "members"),
                    csv: ({ cohort: c }) => csvNum(notReportedOf(c)),
                  },
                  {
                    key: "owedYen",
                    header: t("overview.colOwedYen"),
                    align: "end",
                    render: ({ cohort: c }) => (c.purpose === "notification" ? "—" : num(c.owedYen, "yen")),
                    csv: ({ cohort: c }) => (c.purpose === "notification" ? "" : csvNum(c.owedYen)),
                  },
                  {
                    key: "doneYen",
                    header: t("overview.colDoneYen"),
                    align: "end",
                    render: ({ cohort: c }) => (c.purpose === "notification" ? "—" : num(c.doneYen, "yen")),
                    csv: ({ cohort: c }) => (c.purpose === "notification" ? "" : csvNum(c.doneYen)),
                  },
                  {
                    key: "date",
                    header: t("overview.colLastReport"),
                    render: ({ cohort: c }) =>
                      c.lastReportDate ? f.date(c.lastReportDate) : <NotReported />,
                    csv: ({ cohort: c }) => c.lastReportDate ?? t("common.notReported"),
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

const CORRECTIONS_HEIGHT = 320;

const CorrectionsFrame = () => {
  const { t, tx, f } = useI18n();
  const query = useQuery(overviewQueries.remediationTimeline());
  // Names the cohort behind each report; until it arrives the table shows the incident only.
  const remediation = useQuery(overviewQueries.remediation());
  const cohortOf = new Map((remediation.data?.cohorts ?? []).map((c) => [c.cohortId, c]));
  const title = t("overview.chartCorrectionsTitle");
  return (
    <QueryState
      query={query}
      skeleton={
        <ChartFrameSkeleton
          title={title}
          description={t("overview.chartCorrectionsDescription")}
          height={CORRECTIONS_HEIGHT}
        />
      }
      isEmpty={(d) => d.points.length === 0}
      empty={<p>{t("overview.correctionsEmpty")}</p>}
    >
      {(timeline) => {
        const points = timeline.points;
        const data = points.map((p) => ({
          t: utcTime(p.date),
          members: p.cumulativeDone,
          yen: p.cumulativeDoneYen,
          membersText: f.people(p.cumulativeDone),
          yenText: f.yen(p.cumulativeDoneYen),
        }));
        type TPoint = (typeof points)[number];
        return (
          <ChartFrame
            title={title}
            description={t("overview.chartCorrectionsDescription")}
            height={CORRECTIONS_HEIGHT}
            chart={<CorrectionsChart data={data} />}
            table={
              <DataTable<TPoint>
                caption={t("common.chartTableCaption", { title })}
                rows={points}
                rowKey={(p) => `${p.date}-${p.cohortId}`}
                csvName="overview-corrections"
                columns={[
                  {
                    key: "date",
                    header: t("overview.colDate"),
                    render: (p) => f.date(p.date),
                    csv: (p) => p.date,
                  },
                  {
                    key: "cohort",
                    header: t("overview.colCohort"),
                    render: (p) => {
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
                  {
                    key: "yenDelta",
                    header: t("overview.colDoneYenDelta"),
                    align: "end",
                    render: (p) => f.yen(p.doneYenDelta),
                    csv: (p) => p.doneYenDelta,
                  },
                  {
                    key: "yenCumulative",
                    header: t("overview.colCumulativeDoneYen"),
                    align: "end",
                    render: (p) => f.yen(p.cumulativeDoneYen),
                    csv: (p) => p.cumulativeDoneYen,
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

const STATUS_FILLS: Record<TCommitmentStatus, TFill> = {
  open: FILLS.open,
  in_progress: FILLS.inProgress,
  vendor_reported_done: FILLS.vendorDone,
  verified: FILLS.verified,
  reopened: FILLS.reopened,
};

const COMMITMENTS_HEIGHT = 210;

const CommitmentsFrame = ({ asOf }: { asOf: string }) => {
  const { t, f } = useI18n();
  const query = useQuery(overviewQueries.commitmentStats(asOf));
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
        const label = (s: TCommitmentStatus) => t(`domain.commitmentStatus.${s}` as TMessageKey);
        const data = stats.byStatus.map((s) => ({
          status: s.status,
          label: label(s.status),
          count: s.count,
          countText: t("overview.countItems", { n: f.number(s.count) }),
          fill: STATUS_FILLS[s.status],
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
