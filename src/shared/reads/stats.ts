import { addDays, isDayPrecise, minusMonths, todayInTokyo } from "../dates";
import { ZCommitmentStatus } from "../schemas/commitment";
import type { TDataset } from "../schemas/dataset";
import type { TIncident } from "../schemas/incident";
import type { TOverview } from "../schemas/stats";
import type { TReads } from "./define";
import {
  affectedTotal,
  cohortCompletion,
  cohortsInOrder,
  compareText,
  exactValue,
  incidentsByNumber,
  isOpenIsh,
  isOverdue,
  median,
  remediationTotals,
  type SPAN_FROM,
  type SPAN_TO,
  spanDays,
  spans,
  steps,
  sum,
  sumOfExactAffected,
} from "./derive";

const productName = (data: Readonly<TDataset>, productId: string) =>
  data.products.find((p) => p.id === productId)?.name ?? { ja: productId, en: productId };

const affectedStats = (data: Readonly<TDataset>, incidents: readonly TIncident[]) => ({
  incidents: incidents.map((i) => ({
    incidentId: i.id,
    number: i.number,
    title: i.title,
    total: affectedTotal(i),
    byProduct: i.affected.map((entry) => ({
      productId: entry.productId,
      productName: productName(data, entry.productId),
      count: entry.count,
    })),
  })),
  byProduct: data.products.map((p) => {
    const entries = incidents.flatMap((i) => i.affected.filter((entry) => entry.productId === p.id));
    return {
      productId: p.id,
      productName: p.name,
      reportedTotal: sum(entries.map((entry) => exactValue(entry.count))),
      incidentCount: incidents.filter((i) => i.affected.some((entry) => entry.productId === p.id)).length,
    };
  }),
  cumulativeReported: sum(incidents.map(sumOfExactAffected)),
  incidentsWithUnreportedCounts: incidents.filter((i) => affectedTotal(i) === null).length,
});

const remediation = (data: Readonly<TDataset>, incidentId?: string) => {
  const cohorts = cohortsInOrder(data).filter((c) => incidentId === undefined || c.incidentId === incidentId);
  return {
    cohorts: cohorts.map((c) => cohortCompletion(data, c)),
    financial: remediationTotals(data, cohorts, "financial"),
    notification: remediationTotals(data, cohorts, "notification"),
  };
};

const KEPT_STATUSES = new Set(["vendor_reported_done", "verified"]);

/** The overview as of a date: what GET /stats/overview answers and what a closed meeting freezes. */
export const overviewOf = (data: Readonly<TDataset>, asOf: string): TOverview => {
  const affected = affectedStats(data, incidentsByNumber(data));
  const { financial, notification } = remediation(data);
  const latest = [...data.meetings].sort((a, b) => compareText(b.date, a.date) || compareText(b.id, a.id))[0];
  return {
    asOf,
    incidents: {
      total: data.incidents.length,
      open: data.incidents.filter((i) => i.status === "open").length,
    },
    affected: {
      cumulativeReported: affected.cumulativeReported,
      byIncident: affected.incidents.map(({ incidentId, number, title, total }) => ({
        incidentId,
        number,
        title,
        total,
      })),
    },
    remediation: { financial, notification },
    commitments: {
      total: data.commitments.length,
      open: data.commitments.filter((c) => isOpenIsh(c.status)).length,
      vendorReportedDone: data.commitments.filter((c) => c.status === "vendor_reported_done").length,
      verified: data.commitments.filter((c) => c.status === "verified").length,
      overdue: data.commitments.filter((c) => isOverdue(c, asOf)).length,
    },
    latestMeeting: latest ? { id: latest.id, date: latest.date, title: latest.title } : null,
  };
};

export const statsReads = {
  getOverview: ({ data, query, now }) => overviewOf(data, query.asOf ?? todayInTokyo(now)),

  getAffectedStats: ({ data, query }) =>
    affectedStats(
      data,
      incidentsByNumber(data).filter(
        (i) => query.fiscalYear === undefined || i.fiscalYear === query.fiscalYear,
      ),
    ),

  getRemediationStats: ({ data, query }) => remediation(data, query.incidentId),

  getRemediationTimeline: ({ data, query }) => {
    const cohorts = cohortsInOrder(data).filter(
      (c) => c.parentId === null && (query.incidentId === undefined || c.incidentId === query.incidentId),
    );
    const reports = cohorts.flatMap((cohort, rank) =>
      cohort.progress.flatMap((event, position) => {
        const done = exactValue(event.doneCount);
        return isDayPrecise(event.date) && done !== null
          ? [{ cohort, rank, position, date: event.date, done }]
          : [];
      }),
    );
    reports.sort((a, b) => compareText(a.date, b.date) || a.rank - b.rank || a.position - b.position);
    const previous = new Map<string, number>();
    let cumulativeDone = 0;
    let cumulativeDoneYen = 0;
    return {
      points: reports.map(({ cohort, date, done }) => {
        const doneDelta = done - (previous.get(cohort.id) ?? 0);
        previous.set(cohort.id, done);
        const doneYenDelta = doneDelta * (exactValue(cohort.amountPerMemberYen) ?? 0);
        cumulativeDone += doneDelta;
        cumulativeDoneYen += doneYenDelta;
        return {
          date,
          cohortId: cohort.id,
          incidentId: cohort.incidentId,
          doneDelta,
          doneYenDelta,
          cumulativeDone,
          cumulativeDoneYen,
        };
      }),
    };
  },

  getCommitmentStats: ({ data, query, now }) => {
    const asOf = query.asOf ?? todayInTokyo(now);
    const horizon = addDays(asOf, 14);
    const commitments = data.commitments.filter(
      (c) => query.vendorId === undefined || c.owedByIds.includes(query.vendorId),
    );
    return {
      asOf,
      byStatus: ZCommitmentStatus.options.map((status) => ({
        status,
        count: commitments.filter((c) => c.status === status).length,
      })),
      total: commitments.length,
      overdue: commitments.filter((c) => isOverdue(c, asOf)).length,
      dueWithin14Days: commitments.filter(
        (c) =>
          isOpenIsh(c.status) &&
          c.dueDate !== null &&
          compareText(asOf, c.dueDate) <= 0 &&
          compareText(c.dueDate, horizon) <= 0,
      ).length,
      withoutDueDate: commitments.filter((c) => c.dueDate === null).length,
    };
  },

  getIntervalStats: ({ data, query }) => {
    const incidents = incidentsByNumber(data).filter(
      (i) => query.incidentId === undefined || i.id === query.incidentId,
    );
    return { steps: incidents.flatMap(steps), spans: incidents.flatMap(spans) };
  },

  getVendorScorecards: ({ data, query, now }) => {
    const asOf = query.asOf ?? todayInTokyo(now);
    const since = minusMonths(asOf, 24);
    const incidentsOf = (vendorId: string, fiscalYear: number) =>
      data.incidents.filter((i) => i.fiscalYear === fiscalYear && i.vendorIds.includes(vendorId));
    const keys =
      query.fiscalYear !== undefined
        ? data.vendors.map((vendor) => ({ vendor, fiscalYear: query.fiscalYear as number }))
        : [...new Set(data.incidents.map((i) => i.fiscalYear))]
            .sort((a, b) => b - a)
            .flatMap((fiscalYear) =>
              data.vendors
                .filter((vendor) => incidentsOf(vendor.id, fiscalYear).length > 0)
                .map((vendor) => ({ vendor, fiscalYear })),
            );
    const medianOf = (
      incidents: readonly TIncident[],
      from: (typeof SPAN_FROM)[number],
      to: (typeof SPAN_TO)[number],
    ) => median(incidents.flatMap((i) => spanDays(i, from, to) ?? []));
    return {
      asOf,
      rows: keys.map(({ vendor, fiscalYear }) => {
        const incidents = incidentsOf(vendor.id, fiscalYear);
        const ids = new Set(incidents.map((i) => i.id));
        const cohorts = data.cohorts
          .filter((c) => c.parentId === null && ids.has(c.incidentId))
          .map((c) => cohortCompletion(data, c));
        const commitments = data.commitments.filter(
          (c) => c.owedByIds.includes(vendor.id) && c.incidentIds.some((id) => ids.has(id)),
        );
        return {
          vendorId: vendor.id,
          fiscalYear,
          incidents: incidents.length,
          membersAffectedReported: sum(incidents.map(sumOfExactAffected)),
          incidentsWithUnreportedCounts: incidents.filter((i) => affectedTotal(i) === null).length,
          medianDaysDetectionToAssociation: medianOf(incidents, "detected", "reported_to_association"),
          medianDaysOccurrenceToAssociation: medianOf(incidents, "occurred", "reported_to_association"),
          medianDaysToBoard: medianOf(incidents, "occurred", "reported_to_board"),
          remediationMembers: sum(cohorts.map((c) => c.members)),
          remediationDone: sum(cohorts.map((c) => c.done)),
          remediationNotReported: sum(cohorts.map((c) => c.notReported)),
          commitments: commitments.length,
          commitmentsKeptOnTime: commitments.filter(
            (c) =>
              c.dueDate !== null &&
              KEPT_STATUSES.has(c.status) &&
              c.reportedDoneDate !== null &&
              compareText(c.reportedDoneDate, c.dueDate) <= 0,
          ).length,
          commitmentsOverdue: commitments.filter((c) => isOverdue(c, asOf)).length,
          regulatoryActionsLast24Months: data.regulatoryActions.filter(
            (a) =>
              a.vendorId === vendor.id && compareText(since, a.date) < 0 && compareText(a.date, asOf) <= 0,
          ).length,
        };
      }),
    };
  },
} satisfies TReads;
