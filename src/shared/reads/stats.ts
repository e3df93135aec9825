import { addDays, isDayPrecise, minusMonths, todayInTokyo } from "../dates";
import { deadlinesOfRecord } from "../deadlines";
import { countedTwice, figureKey } from "../figure-key";
import { GROUPS_NAMED, INCIDENTS_NAMED, SOURCES_SHOWN } from "../overview-limits";
import { ZCommitmentStatus } from "../schemas/commitment";
import type { TDataset } from "../schemas/dataset";
import type { TImpactTotal, TIncident } from "../schemas/incident";
import type { TSettings } from "../schemas/settings";
import type {
  TCaseLine,
  TDocumentName,
  TOverview,
  TRemediationTimeline,
  TStatsQuery,
} from "../schemas/stats";
import { exactValue } from "../values";
import type { TReads } from "./define";
import {
  addTotals,
  caseSpan,
  cohortCompletion,
  cohortsInOrder,
  compareText,
  firstGroups,
  groupName,
  hasUnreportedCounts,
  firstDate as incidentFirstDate,
  incidentTotals,
  isOpenIsh,
  isOverdue,
  median,
  milestonesInOrder,
  outsideFigures,
  remediationPurposes,
  remediationTotals,
  type SPAN_FROM,
  type SPAN_TO,
  spanDays,
  spans,
  steps,
  sum,
  unreportedGroups,
} from "./derive";
import { involves, scoped, type TScoped } from "./scope";

const serviceName = (data: Readonly<TDataset>, serviceId: string) =>
  data.services.find((p) => p.id === serviceId)?.name ?? { ja: serviceId, en: serviceId };

/** The commitments that concern the incidents in scope (or, with no incident named, none of them). */
const commitmentsIn = (s: TScoped) =>
  s.record.commitments.filter((c) => c.incidentIds.some((id) => s.incidentIds.has(id)));

const cohortsIn = (s: TScoped) => cohortsInOrder(s.record).filter((c) => s.incidentIds.has(c.incidentId));

/** The documents the figures of some incidents come from: their own list and every source they cite. */
const documentsOf = (data: Readonly<TDataset>, incidents: readonly TIncident[]) => {
  const ids = new Set<string>();
  for (const incident of incidents) {
    for (const id of incident.documentIds) ids.add(id);
    for (const m of incident.milestones) ids.add(m.source.documentId);
    for (const e of incident.impact) ids.add(e.count.source.documentId);
  }
  return data.documents.filter((d) => ids.has(d.id)).map((d) => d.id);
};

/** The incidents that give an own total of a figure (unit and population), in the order given. */
const incidentsWith = <I extends { totals: readonly TImpactTotal[] }>(
  incidents: readonly I[],
  figure: Pick<TImpactTotal, "unit" | "populationId">,
) => incidents.filter((i) => i.totals.some((x) => figureKey(x) === figureKey(figure)));

const affectedOf = (s: TScoped) => {
  const data = s.record;
  const incidents = s.incidents.map((i) => ({
    incidentId: i.id,
    caseId: i.caseId,
    number: i.number,
    title: i.title,
    totals: incidentTotals(data, i),
    vendorWide: i.impact
      .filter((e) => e.scope === "vendor_wide" && !e.outsideRecord)
      .map((e) => ({ impactId: e.id, unit: e.unit, count: e.count })),
    byService: i.impact
      .filter((e) => e.scope === "ours" && !e.outsideRecord && e.serviceId !== null)
      .map((e) => ({
        serviceId: e.serviceId as string,
        serviceName: serviceName(data, e.serviceId as string),
        unit: e.unit,
        populationId: e.populationId,
        count: e.count,
      })),
  }));
  const byService = new Map<
    string,
    {
      serviceId: string;
      unit: "people" | "records";
      populationId: string | null;
      values: (number | null)[];
      incidents: Set<string>;
    }
  >();
  for (const i of s.incidents) {
    for (const e of i.impact) {
      if (e.scope !== "ours" || e.outsideRecord || e.serviceId === null) continue;
      const key = `${e.serviceId}:${e.unit}:${e.populationId ?? ""}`;
      const at = byService.get(key) ?? {
        serviceId: e.serviceId,
        unit: e.unit,
        populationId: e.populationId,
        values: [],
        incidents: new Set<string>(),
      };
      at.values.push(exactValue(e.count));
      at.incidents.add(i.id);
      byService.set(key, at);
    }
  }
  const serviceRank = new Map(data.services.map((p, i) => [p.id, i]));
  const totals = addTotals(
    data,
    incidents.map((i) => i.totals),
  );
  return {
    scope: s.scope,
    incidents,
    totals,
    incidentCounts: totals.map(({ unit, populationId }) => ({
      unit,
      populationId,
      incidents: incidentsWith(incidents, { unit, populationId }).length,
    })),
    outside: outsideFigures(s.incidents),
    byService: [...byService.values()]
      .sort((a, b) => (serviceRank.get(a.serviceId) ?? 0) - (serviceRank.get(b.serviceId) ?? 0))
      .map((g) => ({
        serviceId: g.serviceId,
        serviceName: serviceName(data, g.serviceId),
        unit: g.unit,
        populationId: g.populationId,
        reportedTotal: sum(g.values),
        incidentCount: g.incidents.size,
      })),
  };
};

/** Each case's next due date not yet settled (overdue first), from one pass over the deadlines. */
const nextDeadlines = (s: TScoped, settings: TSettings) => {
  const all = deadlinesOfRecord(s.record, settings, { asOf: s.scope.asOf, withinDays: 14, limit: 1_000_000 });
  const next = new Map<string, TCaseLine["nextDeadline"]>();
  // Most pressing first already: the first pending one of each case is its next.
  for (const d of all.items) {
    if (d.caseId === null || next.has(d.caseId) || d.dueDate === null) continue;
    if (d.state !== "overdue" && d.state !== "due_soon" && d.state !== "upcoming") continue;
    next.set(d.caseId, { dueDate: d.dueDate, rule: d.rule, label: d.label, overdue: d.state === "overdue" });
  }
  return next;
};

const caseLines = (s: TScoped, settings: TSettings): TCaseLine[] => {
  const next = nextDeadlines(s, settings);
  return s.scope.caseIds.flatMap((caseId) => {
    const c = s.record.cases.find((x) => x.id === caseId);
    if (!c) return [];
    const incidents = s.incidents.filter((i) => i.caseId === caseId);
    const ids = new Set(incidents.map((i) => i.id));
    const commitments = s.record.commitments.filter((x) => x.incidentIds.some((id) => ids.has(id)));
    const dates = incidents
      .map(incidentFirstDate)
      .filter((d): d is string => d !== null)
      .sort(compareText);
    const totalsByIncident = incidents.map((i) => incidentTotals(s.record, i));
    return [
      {
        caseId,
        title: c.title,
        status: c.status,
        incidents: incidents.length,
        openIncidents: incidents.filter((i) => i.status === "open").length,
        vendorIds: s.record.vendors.filter((v) => incidents.some((i) => involves(i, v.id))).map((v) => v.id),
        firstDate: dates[0] ?? null,
        affected: addTotals(s.record, totalsByIncident),
        outside: outsideFigures(incidents),
        remediation: remediationTotals(
          s.record,
          s.record.cohorts.filter((x) => ids.has(x.incidentId)),
        ),
        openCommitments: commitments.filter((x) => isOpenIsh(x.status)).length,
        overdueCommitments: commitments.filter((x) => isOverdue(x, s.scope.asOf)).length,
        nextDeadline: next.get(caseId) ?? null,
        documentIds: documentsOf(s.record, incidents),
        countedTwice: countedTwice(totalsByIncident),
      },
    ];
  });
};

/** The overview in a scope as of a date: what GET /stats/overview answers and what a closed meeting freezes. */
export const overviewOf = (
  data: Readonly<TDataset>,
  settings: TSettings,
  query: Partial<TStatsQuery>,
  now: Date,
): TOverview => {
  const s = scoped(data, query, now);
  const { asOf } = s.scope;
  const affected = affectedOf(s);
  const commitments = commitmentsIn(s);
  const latest = [...s.record.meetings].sort(
    (a, b) => compareText(b.date, a.date) || compareText(b.id, a.id),
  )[0];
  const cases = s.record.cases.filter((c) => s.scope.caseIds.includes(c.id));
  const portfolio = caseLines(s, settings);
  const documentIds = documentsOf(s.record, s.incidents);
  return {
    scope: s.scope,
    asOf,
    cases: { total: cases.length, open: cases.filter((c) => c.status === "open").length },
    portfolio,
    incidents: {
      total: s.incidents.length,
      open: s.incidents.filter((i) => i.status === "open").length,
    },
    affected: {
      totals: affected.totals,
      outside: affected.outside,
      byIncident: affected.incidents.map(({ incidentId, caseId, number, title, totals }) => ({
        incidentId,
        caseId,
        number,
        title,
        totals,
      })),
      incidentCount: affected.incidents.length,
      countedTwice: countedTwice(affected.incidents.map((i) => i.totals)),
      outsideNumbers: Object.fromEntries(
        affected.outside.flatMap((o) => {
          const number = s.incidents.find((i) => i.id === o.incidentId)?.number;
          return number === undefined ? [] : [[o.incidentId, number]];
        }),
      ),
    },
    remediation: remediationTotals(s.record, cohortsIn(s)),
    commitments: {
      total: commitments.length,
      open: commitments.filter((c) => isOpenIsh(c.status)).length,
      vendorReportedDone: commitments.filter((c) => c.status === "vendor_reported_done").length,
      verified: commitments.filter((c) => c.status === "verified").length,
      overdue: commitments.filter((c) => isOverdue(c, asOf)).length,
    },
    latestMeeting: latest ? { id: latest.id, date: latest.date, title: latest.title } : null,
    documentIds,
    sources: sourcesOf(s.record, documentIds, [
      ...affected.outside,
      ...portfolio.flatMap((line) => line.outside),
    ]),
  };
};

/**
 * The documents the overview names: the source line's (the record's first, then published ones, at
 * most SOURCES_SHOWN) and those the figures from outside the record cite.
 */
const sourcesOf = (
  record: TDataset,
  documentIds: readonly string[],
  outside: readonly { count: { source: { documentId: string } } }[],
): TDocumentName[] => {
  const byId = new Map(record.documents.map((d) => [d.id, d]));
  const listed = documentIds.flatMap((id) => byId.get(id) ?? []);
  const inRecord = listed.filter((d) => !d.outsideRecord).slice(0, SOURCES_SHOWN);
  const published = listed.filter((d) => d.outsideRecord).slice(0, SOURCES_SHOWN - inRecord.length);
  const named = new Set([...inRecord, ...published].map((d) => d.id));
  for (const o of outside) named.add(o.count.source.documentId);
  return record.documents
    .filter((d) => named.has(d.id))
    .map((d) => ({ id: d.id, label: d.label, title: d.title, outsideRecord: d.outsideRecord }));
};

type TPoint = TRemediationTimeline["series"][number]["points"][number];

/**
 * One point per day: the day's reports added up (deltas summed, the cumulative figures of the day's last
 * report). The group and the incident are kept when one report made the day, null when several did.
 */
const perDay = (points: readonly TPoint[]): TPoint[] => {
  const out: TPoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last.date !== p.date) {
      out.push({ ...p });
      continue;
    }
    out[out.length - 1] = {
      date: p.date,
      cohortId: last.cohortId === p.cohortId ? p.cohortId : null,
      incidentId: last.incidentId === p.incidentId ? p.incidentId : null,
      reports: last.reports + p.reports,
      doneDelta: last.doneDelta + p.doneDelta,
      doneYenDelta: last.doneYenDelta + p.doneYenDelta,
      cumulativeDone: p.cumulativeDone,
      cumulativeDoneYen: p.cumulativeDoneYen,
    };
  }
  return out;
};

const timelineOf = (s: TScoped): Omit<TRemediationTimeline, "groups"> => {
  const cohorts = cohortsIn(s).filter((c) => c.parentId === null);
  const rank = new Map(s.record.organisation.populations.map((p, i) => [p.id, i]));
  const keys = [...new Map(cohorts.map((c) => [`${c.purpose}:${c.populationId}`, c])).values()].sort(
    (a, b) =>
      (a.purpose === b.purpose ? 0 : a.purpose === "financial" ? -1 : 1) ||
      (rank.get(a.populationId) ?? 9999) - (rank.get(b.populationId) ?? 9999),
  );
  return {
    scope: s.scope,
    series: keys.map(({ purpose, populationId }) => {
      const group = cohorts.filter((c) => c.purpose === purpose && c.populationId === populationId);
      const reports = group.flatMap((cohort, order) =>
        cohort.progress.flatMap((event, position) => {
          const done = exactValue(event.doneCount);
          return isDayPrecise(event.date) && done !== null
            ? [{ cohort, order, position, date: event.date, done }]
            : [];
        }),
      );
      reports.sort((a, b) => compareText(a.date, b.date) || a.order - b.order || a.position - b.position);
      const previous = new Map<string, number>();
      let cumulativeDone = 0;
      let cumulativeDoneYen = 0;
      return {
        purpose,
        populationId,
        points: reports.map(({ cohort, date, done }) => {
          const doneDelta = done - (previous.get(cohort.id) ?? 0);
          previous.set(cohort.id, done);
          // Letters carry no money: a notification series has no yen.
          const perPerson = purpose === "financial" ? (exactValue(cohort.amountPerPersonYen) ?? 0) : 0;
          const doneYenDelta = doneDelta * perPerson;
          cumulativeDone += doneDelta;
          cumulativeDoneYen += doneYenDelta;
          return {
            date,
            cohortId: cohort.id,
            incidentId: cohort.incidentId,
            reports: 1,
            doneDelta,
            doneYenDelta,
            cumulativeDone,
            cumulativeDoneYen,
          };
        }),
      };
    }),
  };
};

// A promise counts as kept only once the organisation has verified it: the vendor's own report of "done"
// is a claim, not a kept promise (the same rule that decides when a commitment counts as closed).
const KEPT_STATUSES = new Set(["verified"]);

export const statsReads = {
  getOverview: ({ data, settings, query, now }) => {
    const overview = overviewOf(data, settings, query, now);
    // The lines and incidents the view lists; the counts and the 延べ keys still cover every one.
    return {
      ...overview,
      portfolio: overview.portfolio.slice(0, query.lines),
      affected: { ...overview.affected, byIncident: overview.affected.byIncident.slice(0, query.incidents) },
    };
  },

  getAffectedStats: ({ data, query, now }) => {
    const affected = affectedOf(scoped(data, query, now));
    const limit = query.incidents;
    if (limit === undefined) return affected;
    // The first `limit` incidents of each figure: what a chart per figure draws.
    const listed = new Set(
      affected.totals.flatMap((total) =>
        incidentsWith(affected.incidents, total)
          .slice(0, limit)
          .map((i) => i.incidentId),
      ),
    );
    return { ...affected, incidents: affected.incidents.filter((i) => listed.has(i.incidentId)) };
  },

  getRemediationStats: ({ data, query, now }) => {
    const s = scoped(data, query, now);
    const cohorts = cohortsIn(s);
    const rows = cohorts.map((c) => cohortCompletion(s.record, c));
    const totals = remediationTotals(s.record, cohorts);
    return {
      scope: s.scope,
      cohorts: query.groups === undefined ? rows : firstGroups(rows, query.groups),
      totals,
      purposes: remediationPurposes(rows, INCIDENTS_NAMED),
      unreported: unreportedGroups(rows, totals, GROUPS_NAMED),
    };
  },

  getRemediationTimeline: ({ data, query, now }) => {
    const s = scoped(data, query, now);
    const timeline = timelineOf(s);
    const series =
      query.per === "day"
        ? timeline.series.map((x) => ({ ...x, points: perDay(x.points) }))
        : timeline.series;
    const named = new Set(series.flatMap((x) => x.points.map((p) => p.cohortId)));
    return {
      ...timeline,
      series,
      groups: cohortsIn(s)
        .filter((c) => named.has(c.id))
        .map((c) => groupName(cohortCompletion(s.record, c))),
    };
  },

  getCommitmentStats: ({ data, query, now }) => {
    const s = scoped(data, query, now);
    const { asOf } = s.scope;
    const horizon = addDays(asOf, 14);
    // Without a case or incident, the tracker's figures cover every commitment of the cases in scope.
    const commitments = commitmentsIn(s).filter(
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

  getFiscalYears: ({ data }) => ({
    years: [...new Set(data.incidents.map((i) => i.fiscalYear))].sort((a, b) => b - a),
  }),

  getCaseTimeline: ({ data, query, now }) => {
    const s = scoped(data, query, now);
    const shown = s.scope.caseIds.slice(-query.cases);
    const cited = new Set<string>();
    const cases = shown.flatMap((caseId) => {
      const c = s.record.cases.find((x) => x.id === caseId);
      if (!c) return [];
      const all = s.incidents.filter((i) => i.caseId === caseId);
      const incidents = all.slice(0, query.incidents).map((i) => {
        const milestones = milestonesInOrder(i);
        for (const m of milestones) for (const id of [m.source.documentId, ...m.source.cites]) cited.add(id);
        return {
          incidentId: i.id,
          number: i.number,
          title: i.title,
          milestones,
          steps: steps(i),
          spans: spans(i),
        };
      });
      return [{ caseId, title: c.title, ...caseSpan(all), totalIncidents: all.length, incidents }];
    });
    return {
      scope: s.scope,
      totalCases: s.scope.caseIds.length,
      cases,
      documents: s.record.documents
        .filter((d) => cited.has(d.id))
        .map((d) => ({ id: d.id, label: d.label, title: d.title, outsideRecord: d.outsideRecord })),
    };
  },

  getIntervalStats: ({ data, query, now }) => {
    const s = scoped(data, query, now);
    return {
      scope: s.scope,
      steps: s.incidents.flatMap(steps),
      spans: s.incidents.flatMap(spans),
      cases: s.scope.caseIds.map((caseId) => ({
        caseId,
        ...caseSpan(s.incidents.filter((i) => i.caseId === caseId)),
      })),
      milestones: s.incidents.flatMap((i) => milestonesInOrder(i).map((m) => ({ ...m, incidentId: i.id }))),
    };
  },

  getVendorScorecards: ({ data, query, now }) => {
    const asOf = query.asOf ?? todayInTokyo(now);
    const s = scoped(data, { asOf, caseStatus: "all" }, now);
    const record = s.record;
    const since = minusMonths(asOf, 24);
    const incidentsOf = (vendorId: string, fiscalYear: number) =>
      record.incidents
        .filter((i) => i.fiscalYear === fiscalYear && involves(i, vendorId))
        .sort((a, b) => a.number - b.number);
    const keys =
      query.fiscalYear !== undefined
        ? record.vendors.map((vendor) => ({ vendor, fiscalYear: query.fiscalYear as number }))
        : [...new Set(record.incidents.map((i) => i.fiscalYear))]
            .sort((a, b) => b - a)
            .flatMap((fiscalYear) =>
              record.vendors
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
        const commitments = record.commitments.filter(
          (c) => c.owedByIds.includes(vendor.id) && c.incidentIds.some((id) => ids.has(id)),
        );
        return {
          vendorId: vendor.id,
          fiscalYear,
          incidents: incidents.length,
          incidentIds: incidents.map((i) => i.id),
          // On the chain above the vendor where it happened: a subcontractor's incident, under its contractor.
          incidentsViaSubcontractors: incidents.filter(
            (i) => i.chain.includes(vendor.id) && i.chain.at(-1) !== vendor.id,
          ).length,
          affected: addTotals(
            record,
            incidents.map((i) => incidentTotals(record, i)),
          ),
          incidentsWithUnreportedCounts: incidents.filter((i) => hasUnreportedCounts(record, i)).length,
          medianDaysDetectionToOrganisation: medianOf(incidents, "detected", "reported_to_organisation"),
          medianDaysOccurrenceToOrganisation: medianOf(incidents, "occurred", "reported_to_organisation"),
          medianDaysToBoard: medianOf(incidents, "occurred", "reported_to_board"),
          remediation: remediationTotals(
            record,
            record.cohorts.filter((c) => ids.has(c.incidentId)),
          ),
          commitments: commitments.length,
          commitmentsWithDueDate: commitments.filter((c) => c.dueDate !== null).length,
          commitmentsKeptOnTime: commitments.filter(
            (c) =>
              c.dueDate !== null &&
              KEPT_STATUSES.has(c.status) &&
              c.reportedDoneDate !== null &&
              compareText(c.reportedDoneDate, c.dueDate) <= 0,
          ).length,
          commitmentsOverdue: commitments.filter((c) => isOverdue(c, asOf)).length,
          regulatoryActionsLast24Months: record.regulatoryActions.filter(
            (a) =>
              a.vendorId === vendor.id && compareText(since, a.date) < 0 && compareText(a.date, asOf) <= 0,
          ).length,
        };
      }),
    };
  },
} satisfies TReads;
