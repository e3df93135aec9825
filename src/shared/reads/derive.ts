import { daysBetween, isDayPrecise } from "../dates";
import type { TCohort } from "../schemas/cohort";
import type { TCommitment, TCommitmentStatus, TCommitmentView } from "../schemas/commitment";
import type { TFigure, TSourceRef } from "../schemas/common";
import type { TDataset } from "../schemas/dataset";
import { type TIncident, type TMilestone, type TMilestoneKind, ZMilestoneKind } from "../schemas/incident";
import type { TCohortCompletion, TMilestoneInterval } from "../schemas/stats";

/*
 * The meaning of docs/api-semantics.md in plain JavaScript over a dataset: the one definition of every
 * derived figure, which the server (over the record it holds) and the mocks (over theirs) both call.
 */

/** Code-unit order, as PostgreSQL's `COLLATE "C"`; ids and ISO dates sort correctly under it. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts a copy by the given keys; ties keep array (position) order. */
export const sortByKeys = <T>(items: readonly T[], ...keys: ((item: T) => number | string)[]): T[] =>
  items
    .map((item, position) => ({ item, position }))
    .sort((a, b) => {
      for (const key of keys) {
        const ka = key(a.item);
        const kb = key(b.item);
        const c =
          typeof ka === "number" && typeof kb === "number" ? ka - kb : compareText(String(ka), String(kb));
        if (c !== 0) return c;
      }
      return a.position - b.position;
    })
    .map(({ item }) => item);

export const exactValue = (figure: TFigure | null | undefined): number | null =>
  figure && (figure.status === "reported" || figure.status === "derived") ? figure.value : null;

export const sum = (values: readonly (number | null)[]) =>
  values.reduce<number>((total, value) => total + (value ?? 0), 0);

export const page = <T>(items: readonly T[], query: { limit: number; offset: number }) => ({
  items: items.slice(query.offset, query.offset + query.limit),
  total: items.length,
  limit: query.limit,
  offset: query.offset,
});

export const cites = (source: TSourceRef, documentId: string) =>
  source.documentId === documentId || source.cites.includes(documentId);

export const incidentNumber = (data: TDataset, incidentId: string) =>
  data.incidents.find((incident) => incident.id === incidentId)?.number ?? Number.MAX_SAFE_INTEGER;

export const incidentsByNumber = (data: TDataset) =>
  sortByKeys(data.incidents, (incident) => incident.number);

/** Sum of the exact per-product counts; null when there is none or any is not exact. */
export const affectedTotal = (incident: TIncident): number | null => {
  if (incident.affected.length === 0) return null;
  const values = incident.affected.map((entry) => exactValue(entry.count));
  return values.every((value) => value !== null) ? sum(values) : null;
};

export const sumOfExactAffected = (incident: TIncident) =>
  sum(incident.affected.map((entry) => exactValue(entry.count)));

/** The smallest milestone date as a string: a month-only date sorts before the days of its month. */
export const firstDate = (incident: TIncident): string | null =>
  incident.milestones.reduce<string | null>(
    (first, milestone) => (first === null || compareText(milestone.date, first) < 0 ? milestone.date : first),
    null,
  );

const OPEN_ISH: readonly TCommitmentStatus[] = ["open", "in_progress", "reopened"];
export const isOpenIsh = (status: TCommitmentStatus) => OPEN_ISH.includes(status);

export const isOverdue = (commitment: TCommitment, asOf: string) =>
  commitment.dueDate !== null && compareText(commitment.dueDate, asOf) < 0 && isOpenIsh(commitment.status);

export const commitmentView = (commitment: TCommitment, asOf: string): TCommitmentView => ({
  ...commitment,
  overdue: isOverdue(commitment, asOf),
});

/** Cohorts in the order of the remediation views: incident number, then position. */
export const cohortsInOrder = (data: TDataset) =>
  sortByKeys(data.cohorts, (cohort) => incidentNumber(data, cohort.incidentId));

/** The latest progress event with an exact count (latest by date, then position). */
const latestCounted = (cohort: TCohort) => {
  let latest: { date: string; done: number } | null = null;
  for (const event of cohort.progress) {
    const done = exactValue(event.doneCount);
    if (done === null) continue;
    if (latest === null || compareText(event.date, latest.date) >= 0) latest = { date: event.date, done };
  }
  return latest;
};

export const cohortCompletion = (data: TDataset, cohort: TCohort): TCohortCompletion => {
  const members = exactValue(cohort.members);
  const amount = exactValue(cohort.amountPerMemberYen);
  const latest = latestCounted(cohort);
  const done = latest?.done ?? null;
  return {
    cohortId: cohort.id,
    parentId: cohort.parentId,
    purpose: cohort.purpose,
    incidentId: cohort.incidentId,
    incidentNumber: incidentNumber(data, cohort.incidentId),
    label: cohort.label,
    status: cohort.status,
    members,
    done,
    remaining: members !== null && done !== null ? members - done : null,
    notReported: members !== null && done === null ? members : 0,
    amountPerMemberYen: amount,
    owedYen: members !== null && amount !== null ? members * amount : null,
    doneYen: done !== null && amount !== null ? done * amount : null,
    lastReportDate: latest?.date ?? null,
  };
};

/** Totals over top-level cohorts of one purpose. */
export const remediationTotals = (
  data: TDataset,
  cohorts: readonly TCohort[],
  purpose: TCohort["purpose"],
) => {
  const top = cohorts.filter((cohort) => cohort.parentId === null && cohort.purpose === purpose);
  const rows = top.map((cohort) => cohortCompletion(data, cohort));
  return {
    members: sum(rows.map((row) => row.members)),
    done: sum(rows.map((row) => row.done)),
    remaining: sum(rows.map((row) => row.remaining)),
    notReported: sum(rows.map((row) => row.notReported)),
    owedYen: sum(rows.map((row) => row.owedYen)),
    doneYen: sum(rows.map((row) => row.doneYen)),
    membersWithUnknownAmount: sum(
      top.map((cohort) =>
        cohort.amountPerMemberYen !== null && exactValue(cohort.amountPerMemberYen) === null
          ? exactValue(cohort.members)
          : null,
      ),
    ),
  };
};

const kindOrder = (kind: TMilestoneKind) => ZMilestoneKind.options.indexOf(kind);

const interval = (incident: TIncident, from: TMilestone, to: TMilestone): TMilestoneInterval => ({
  incidentId: incident.id,
  fromMilestoneId: from.id,
  toMilestoneId: to.id,
  fromKind: from.kind,
  toKind: to.kind,
  fromDate: from.date,
  toDate: to.date,
  days: daysBetween(from.date, to.date),
  outsideRecord: from.outsideRecord || to.outsideRecord,
});

const dayPreciseMilestones = (incident: TIncident) =>
  incident.milestones.filter((milestone) => isDayPrecise(milestone.date));

/** Consecutive pairs of day-precise milestones by date, then kind order, then position. */
export const steps = (incident: TIncident): TMilestoneInterval[] => {
  const ordered = sortByKeys(
    dayPreciseMilestones(incident),
    (milestone) => milestone.date,
    (milestone) => kindOrder(milestone.kind),
  );
  return ordered.slice(1).map((to, i) => interval(incident, ordered[i] as TMilestone, to));
};

const earliestOfKind = (incident: TIncident, kind: TMilestoneKind) =>
  sortByKeys(
    dayPreciseMilestones(incident).filter((milestone) => milestone.kind === kind),
    (milestone) => milestone.date,
  )[0];

export const SPAN_FROM = ["occurred", "detected"] as const;
export const SPAN_TO = ["reported_to_association", "reported_to_board"] as const;

export const spans = (incident: TIncident): TMilestoneInterval[] => {
  const out: TMilestoneInterval[] = [];
  for (const fromKind of SPAN_FROM) {
    for (const toKind of SPAN_TO) {
      const from = earliestOfKind(incident, fromKind);
      const to = earliestOfKind(incident, toKind);
      if (from && to) out.push(interval(incident, from, to));
    }
  }
  return out;
};

export const spanDays = (
  incident: TIncident,
  fromKind: (typeof SPAN_FROM)[number],
  toKind: (typeof SPAN_TO)[number],
) => spans(incident).find((span) => span.fromKind === fromKind && span.toKind === toKind)?.days ?? null;

/** The middle value, or the mean of the two middle values; null for no values. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
