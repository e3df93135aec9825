import { percentOf } from "@/i18n/format";
import { sortMilestones } from "@/lib/milestones";
import { countedTwice, figureKey } from "@/shared/figure-key";
import type { TImpactTotal, TImpactUnit, TMilestone } from "@/shared/schemas/incident";
import type {
  TAffectedStats,
  TCaseLine,
  TCohortCompletion,
  TMilestoneInterval,
  TOverview,
  TRemediationTotals,
} from "@/shared/schemas/stats";
import { exactValue } from "@/shared/values";

/*
 * How the overview lays out the API's figures. Nothing here computes a figure the API gives: it picks,
 * groups and orders them for a view (and splits a bar into its drawn parts).
 */

/**
 * How far a purpose (money, letters) has come for one population. The totals sum only what was reported,
 * so a `done` of 0 with every person unreported means "nobody told us", not "nothing done": that case is
 * `unknown`, and the view shows 未報告 instead of 0.
 */
export type TCompletion =
  | { kind: "none" }
  | { kind: "unknown"; people: number }
  | { kind: "known"; done: number; people: number; notReported: number; percent: number | null };

export const completionOf = (totals: TRemediationTotals): TCompletion => {
  if (totals.people === 0) return { kind: "none" };
  if (totals.notReported >= totals.people) return { kind: "unknown", people: totals.people };
  return {
    kind: "known",
    done: totals.done,
    people: totals.people,
    notReported: totals.notReported,
    percent: percentOf(totals.done, totals.people),
  };
};

/** The totals of one purpose, one row per population, in the API's order. */
export const ofPurpose = (rows: readonly TRemediationTotals[], purpose: TRemediationTotals["purpose"]) =>
  rows.filter((r) => r.purpose === purpose);

/** A total is a key of unit and population: the figures a view may never add together. */
export const totalKey = figureKey;

/**
 * Whether a total over several incidents can count one person (or record) twice (延べ): more than one
 * incident gives a figure for the same unit and population, in the scope or in one case's line. The
 * answer says which (`countedTwice`); a snapshot from before it did has every incident, and says it so.
 */
export const isCumulative = (
  affected: TOverview["affected"],
  total: Pick<TImpactTotal, "unit" | "populationId">,
  line?: Pick<TCaseLine, "caseId" | "countedTwice">,
) => {
  const keys =
    (line ? line.countedTwice : affected.countedTwice) ??
    countedTwice(affected.byIncident.filter((i) => !line || i.caseId === line.caseId).map((i) => i.totals));
  return keys.includes(totalKey(total));
};

/** The number of an incident an outside figure cites ("事故2"). */
export const incidentNumberOf = (affected: TOverview["affected"], incidentId: string) =>
  affected.outsideNumbers?.[incidentId] ??
  affected.byIncident.find((i) => i.incidentId === incidentId)?.number;

export type TTimelineRow = {
  milestone: TMilestone;
  /** Days from the previous day-precise milestone; null for the first one and for month-only dates. */
  step: TMilestoneInterval | null;
  /** The step starts at a milestone other than the row just above (a month-only one sits between). */
  stepSkipsRow: boolean;
};

/** Milestones in date order, each with the days since the previous dated one (from /stats/intervals). */
export const timelineRows = (milestones: readonly TMilestone[], steps: readonly TMilestoneInterval[]) => {
  const byTo = new Map(steps.map((s) => [s.toMilestoneId, s]));
  const sorted = sortMilestones(milestones);
  return sorted.map((milestone, i): TTimelineRow => {
    const step = byTo.get(milestone.id) ?? null;
    const previous = sorted[i - 1];
    return { milestone, step, stepSkipsRow: step !== null && previous?.id !== step.fromMilestoneId };
  });
};

export type TAffectedRow = {
  incidentId: string;
  number: number;
  title: TAffectedStats["incidents"][number]["title"];
  total: TImpactTotal;
  /** Exact count per service; a service the incident did not touch is absent (the chart draws 0 width). */
  counts: Record<string, number>;
  /** Services named for this incident whose count is not an exact figure. */
  unreportedServices: string[];
  /** The part of the exact total no service is named for (drawn as its own segment). */
  unattributed: number;
};

/** One chart's worth of the affected figures: one unit and one population, never mixed with another. */
export type TAffectedGroup = {
  key: string;
  unit: TImpactUnit;
  populationId: string | null;
  total: TImpactTotal;
  services: { serviceId: string; serviceName: TAffectedStats["byService"][number]["serviceName"] }[];
  rows: TAffectedRow[];
  /** Figures from outside the record for the same unit and population, left out of the chart. */
  outside: number;
};

/** The affected figures split per unit and population, in the API's order of totals. */
export const affectedGroups = (stats: TAffectedStats): TAffectedGroup[] =>
  stats.totals.map((total) => {
    const key = totalKey(total);
    const services = stats.byService
      .filter((s) => totalKey(s) === key && s.incidentCount > 0)
      .filter((s, i, all) => all.findIndex((x) => x.serviceId === s.serviceId) === i)
      .map((s) => ({ serviceId: s.serviceId, serviceName: s.serviceName }));
    const rows = stats.incidents.flatMap((incident): TAffectedRow[] => {
      const own = incident.totals.find((t) => totalKey(t) === key);
      if (!own) return [];
      const counts: Record<string, number> = {};
      const unreportedServices: string[] = [];
      for (const entry of incident.byService) {
        if (totalKey(entry) !== key) continue;
        const value = exactValue(entry.count);
        if (value === null) unreportedServices.push(entry.serviceId);
        else counts[entry.serviceId] = (counts[entry.serviceId] ?? 0) + value;
      }
      const attributed = Object.values(counts).reduce((a, b) => a + b, 0);
      return [
        {
          incidentId: incident.incidentId,
          number: incident.number,
          title: incident.title,
          total: own,
          counts,
          unreportedServices,
          unattributed: Math.max(0, own.value - attributed),
        },
      ];
    });
    return {
      key,
      unit: total.unit,
      populationId: total.populationId,
      total,
      services,
      rows,
      outside: stats.outside.filter((o) => totalKey(o) === key).length,
    };
  });

export type TCompletionBar = {
  cohortId: string;
  incidentId: string;
  incidentNumber: number;
  populationId: string;
  label: TCohortCompletion["label"];
  purpose: TCohortCompletion["purpose"];
  people: number | null;
  done: number;
  remaining: number;
  notReported: number;
  /** Shares of the group, in percent, for a 100% bar. */
  donePct: number;
  remainingPct: number;
  notReportedPct: number;
};

/**
 * One bar per top-level group, split into done / remaining / not reported. A group whose size is not
 * reported is drawn entirely as "not reported".
 */
export const completionBars = (cohorts: readonly TCohortCompletion[]): TCompletionBar[] =>
  cohorts
    .filter((c) => c.parentId === null)
    .map((c) => {
      const base = {
        cohortId: c.cohortId,
        incidentId: c.incidentId,
        incidentNumber: c.incidentNumber,
        populationId: c.populationId,
        label: c.label,
        purpose: c.purpose,
        people: c.people,
      };
      if (c.people === null || c.people === 0) {
        return {
          ...base,
          done: 0,
          remaining: 0,
          notReported: 0,
          donePct: 0,
          remainingPct: 0,
          notReportedPct: 100,
        };
      }
      const done = c.done ?? 0;
      const remaining = c.remaining ?? 0;
      const notReported = c.notReported;
      const pct = (n: number) => (n / (c.people as number)) * 100;
      return {
        ...base,
        done,
        remaining,
        notReported,
        donePct: pct(done),
        remainingPct: pct(remaining),
        notReportedPct: pct(notReported),
      };
    });

/** Top-level groups each followed by its sub-groups (depth-first), so the table reads as a tree. */
export const cohortTree = (cohorts: readonly TCohortCompletion[]) => {
  const children = new Map<string, TCohortCompletion[]>();
  for (const c of cohorts) {
    if (c.parentId === null) continue;
    children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  }
  const out: { cohort: TCohortCompletion; depth: number }[] = [];
  const visit = (c: TCohortCompletion, depth: number) => {
    out.push({ cohort: c, depth });
    for (const child of children.get(c.cohortId) ?? []) visit(child, depth + 1);
  };
  for (const c of cohorts) if (c.parentId === null) visit(c, 0);
  return out;
};

/** The next round number above a maximum (372,000 → 400,000), so the axis has plain ticks. */
export const niceCeiling = (max: number) => {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
};

/*
 * Chart sizes follow what they draw: a row per incident or group, a panel per series. The skeleton of a
 * chart that is still loading takes the same size from the counts the headline already has.
 */
export const CHART_ROW_PX = 52;
const CHART_AXIS_PX = 34;
const CHART_LEGEND_LINE_PX = 26;

/** Height of a horizontal bar chart with `rows` bars and a legend of about `legendLines` lines. */
export const barChartHeight = (rows: number, legendLines = 1, rowPx = CHART_ROW_PX) =>
  CHART_AXIS_PX + legendLines * CHART_LEGEND_LINE_PX + Math.max(1, rows) * rowPx + 8;

export const PANEL_PX = 150;

/** Height of the cumulative chart: one panel per drawn series line. */
export const panelsHeight = (panels: number) => Math.max(1, panels) * PANEL_PX;
