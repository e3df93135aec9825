import { percentOf } from "@/i18n/format";
import { sortMilestones } from "@/lib/milestones";
import { daysBetween, isDayPrecise } from "@/shared/dates";
import { exactValue } from "@/shared/schemas/common";
import type { TMilestone } from "@/shared/schemas/incident";
import type {
  TAffectedStats,
  TCohortCompletion,
  TMilestoneInterval,
  TOverview,
} from "@/shared/schemas/stats";

type TTotals = TOverview["remediation"]["financial"];

/**
 * How far a purpose (money, letters) has been put right. The totals sum only what was reported, so a
 * `done` of 0 with every member unreported means "nobody told us", not "nothing done": that case is
 * `unknown`, and the view shows 未報告 instead of 0.
 */
export type TCompletion =
  | { kind: "none" }
  | { kind: "unknown"; members: number }
  | { kind: "known"; done: number; members: number; notReported: number; percent: number | null };

export const completionOf = (totals: TTotals): TCompletion => {
  if (totals.members === 0) return { kind: "none" };
  if (totals.notReported >= totals.members) return { kind: "unknown", members: totals.members };
  return {
    kind: "known",
    done: totals.done,
    members: totals.members,
    notReported: totals.notReported,
    percent: percentOf(totals.done, totals.members),
  };
};

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

/** From the first day-precise occurrence in the record to the latest board meeting. */
export const caseSpan = (
  incidents: readonly { milestones: readonly TMilestone[] }[],
  meeting: { date: string } | null,
) => {
  const occurred = incidents
    .flatMap((i) => i.milestones)
    .filter((m) => m.kind === "occurred" && isDayPrecise(m.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  if (!occurred || !meeting) return null;
  return { from: occurred, toDate: meeting.date, days: daysBetween(occurred.date, meeting.date) };
};

export type TAffectedRow = {
  incidentId: string;
  number: number;
  title: TAffectedStats["incidents"][number]["title"];
  total: number | null;
  /** Exact count per service; a service the incident did not touch is absent (the chart draws 0 width). */
  counts: Record<string, number>;
  /** Services named for this incident whose count is not an exact figure. */
  unreportedServices: string[];
};

export const affectedRows = (stats: TAffectedStats): TAffectedRow[] =>
  stats.incidents.map((i) => {
    const counts: Record<string, number> = {};
    const unreportedServices: string[] = [];
    for (const entry of i.byService) {
      const value = exactValue(entry.count);
      if (value === null) unreportedServices.push(entry.serviceId);
      else counts[entry.serviceId] = value;
    }
    return {
      incidentId: i.incidentId,
      number: i.number,
      title: i.title,
      total: i.total,
      counts,
      unreportedServices,
    };
  });

/** Services that appear in at least one incident, in the API's (position) order. */
export const affectedServices = (stats: TAffectedStats) => stats.byService.filter((p) => p.incidentCount > 0);

export type TCompletionBar = {
  cohortId: string;
  incidentId: string;
  incidentNumber: number;
  label: TCohortCompletion["label"];
  purpose: TCohortCompletion["purpose"];
  members: number | null;
  done: number;
  remaining: number;
  notReported: number;
  /** Shares of the cohort, in percent, for a 100% bar. */
  donePct: number;
  remainingPct: number;
  notReportedPct: number;
};

/**
 * One bar per top-level cohort, split into done / remaining / not reported. A cohort whose size is not
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
        label: c.label,
        purpose: c.purpose,
        members: c.members,
      };
      if (c.members === null || c.members === 0) {
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
      const pct = (n: number) => (n / (c.members as number)) * 100;
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

/** Top-level cohorts each followed by its sub-groups (depth-first), so the table reads as a tree. */
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
