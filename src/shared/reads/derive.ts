import { daysBetween, isDayPrecise } from "../dates";
import type { TCohort, TCohortPurpose } from "../schemas/cohort";
import type { TCommitment, TCommitmentStatus, TCommitmentView } from "../schemas/commitment";
import type { TSourceRef } from "../schemas/common";
import type { TDataset } from "../schemas/dataset";
import {
  type TImpact,
  type TImpactTotal,
  type TImpactUnit,
  type TIncident,
  type TMilestone,
  type TMilestoneKind,
  ZMilestoneKind,
} from "../schemas/incident";
import type {
  TCohortCompletion,
  TGroupName,
  TMilestoneInterval,
  TOutsideFigure,
  TRemediationTotals,
} from "../schemas/stats";
import { exactValue } from "../values";
import { incidentFirstDate } from "./as-of";

/*
 * The meaning of docs/api-semantics.md in plain JavaScript over a dataset: the one definition of every
 * derived figure, which the server (over the record it holds) and the mocks (over theirs) both call.
 */

/** Code-unit order (ids and ISO dates sort correctly under it). */
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

// A record is never changed in place, so its index can be kept as long as the record lives.
const incidentIndex = new WeakMap<readonly TIncident[], Map<string, TIncident>>();

/** The incident of an id, through an index built once per record. */
export const incidentById = (data: Readonly<TDataset>, incidentId: string): TIncident | undefined => {
  let index = incidentIndex.get(data.incidents);
  if (!index) {
    index = new Map(data.incidents.map((incident) => [incident.id, incident]));
    incidentIndex.set(data.incidents, index);
  }
  return index.get(incidentId);
};

export const incidentNumber = (data: Readonly<TDataset>, incidentId: string) =>
  incidentById(data, incidentId)?.number ?? Number.MAX_SAFE_INTEGER;

export const incidentsByNumber = (data: Readonly<TDataset>) =>
  sortByKeys(data.incidents, (incident) => incident.number);

export const firstDate = incidentFirstDate;

// ---------------------------------------------------------------------------------------------------
// Who or what was affected

const totalKey = (unit: TImpactUnit, populationId: string | null) => `${unit}:${populationId ?? ""}`;

type TTotalDraft = { unit: TImpactUnit; populationId: string | null; parts: TImpact["count"][] };

const finishTotal = (t: TTotalDraft): TImpactTotal => {
  const values = t.parts.map(exactValue);
  return {
    unit: t.unit,
    populationId: t.populationId,
    value: sum(values),
    complete: values.every((v) => v !== null),
    unreportedParts: values.filter((v) => v === null).length,
    confirmedNone: t.parts.length > 0 && t.parts.every((p) => p.status === "confirmed_none"),
  };
};

/** People first, then records; populations in the organisation's order. */
const orderTotals = (data: Readonly<TDataset>, totals: TImpactTotal[]) => {
  const rank = new Map(data.organisation.populations.map((p, i) => [p.id, i]));
  return sortByKeys(
    totals,
    (t) => (t.unit === "people" ? 0 : 1),
    (t) => (t.populationId === null ? Number.MAX_SAFE_INTEGER : (rank.get(t.populationId) ?? 9999)),
  );
};

/**
 * One incident's own figures, per unit and population: the entry without a service is the whole when
 * there is one; otherwise the per-service entries are summed. Vendor-wide and outside figures never count.
 */
export const incidentTotals = (data: Readonly<TDataset>, incident: TIncident): TImpactTotal[] => {
  const groups = new Map<
    string,
    { whole: TImpact[]; parts: TImpact[]; unit: TImpactUnit; pop: string | null }
  >();
  for (const entry of incident.impact) {
    if (entry.scope !== "ours" || entry.outsideRecord) continue;
    const key = totalKey(entry.unit, entry.populationId);
    const group = groups.get(key) ?? { whole: [], parts: [], unit: entry.unit, pop: entry.populationId };
    (entry.serviceId === null ? group.whole : group.parts).push(entry);
    groups.set(key, group);
  }
  const totals = [...groups.values()].map((g) =>
    finishTotal({
      unit: g.unit,
      populationId: g.pop,
      parts: (g.whole.length > 0 ? g.whole.slice(0, 1) : g.parts).map((e) => e.count),
    }),
  );
  return orderTotals(data, totals);
};

/** Totals over several incidents (延べ: a person in two incidents counts twice), per unit and population. */
export const addTotals = (data: Readonly<TDataset>, lists: readonly TImpactTotal[][]): TImpactTotal[] => {
  const out = new Map<string, TImpactTotal>();
  for (const list of lists) {
    for (const t of list) {
      const key = totalKey(t.unit, t.populationId);
      const at = out.get(key);
      out.set(
        key,
        at
          ? {
              ...at,
              value: at.value + t.value,
              complete: at.complete && t.complete,
              unreportedParts: at.unreportedParts + t.unreportedParts,
              confirmedNone: at.confirmedNone && t.confirmedNone,
            }
          : t,
      );
    }
  }
  return orderTotals(data, [...out.values()]);
};

/** Figures from outside the record, kept beside the totals. */
export const outsideFigures = (incidents: readonly TIncident[]): TOutsideFigure[] =>
  incidents.flatMap((incident) =>
    incident.impact
      .filter((entry) => entry.outsideRecord)
      .map((entry) => ({
        incidentId: incident.id,
        impactId: entry.id,
        unit: entry.unit,
        populationId: entry.populationId,
        count: entry.count,
      })),
  );

/** An incident whose own figures are not all exact (some part not reported or approximate), or none given. */
export const hasUnreportedCounts = (data: Readonly<TDataset>, incident: TIncident) => {
  const totals = incidentTotals(data, incident);
  return totals.length === 0 || totals.some((t) => !t.complete);
};

// ---------------------------------------------------------------------------------------------------
// Commitments

const OPEN_ISH: readonly TCommitmentStatus[] = ["open", "in_progress", "reopened"];
export const isOpenIsh = (status: TCommitmentStatus) => OPEN_ISH.includes(status);

export const isOverdue = (commitment: TCommitment, asOf: string) =>
  commitment.dueDate !== null && compareText(commitment.dueDate, asOf) < 0 && isOpenIsh(commitment.status);

export const commitmentView = (commitment: TCommitment, asOf: string): TCommitmentView => ({
  ...commitment,
  overdue: isOverdue(commitment, asOf),
});

// ---------------------------------------------------------------------------------------------------
// Remediation

/** Groups in the order of the remediation views: incident number, then position. */
export const cohortsInOrder = (data: Readonly<TDataset>) =>
  sortByKeys(data.cohorts, (cohort) => incidentNumber(data, cohort.incidentId));

/** The latest progress report with an exact count (latest by date, then position). */
const latestCounted = (cohort: TCohort) => {
  let latest: { date: string; done: number } | null = null;
  for (const event of cohort.progress) {
    const done = exactValue(event.doneCount);
    if (done === null) continue;
    if (latest === null || compareText(event.date, latest.date) >= 0) latest = { date: event.date, done };
  }
  return latest;
};

export const cohortCompletion = (data: Readonly<TDataset>, cohort: TCohort): TCohortCompletion => {
  const people = exactValue(cohort.people);
  const amount = exactValue(cohort.amountPerPersonYen);
  const latest = latestCounted(cohort);
  const done = latest?.done ?? null;
  const incident = incidentById(data, cohort.incidentId);
  return {
    cohortId: cohort.id,
    parentId: cohort.parentId,
    purpose: cohort.purpose,
    populationId: cohort.populationId,
    incidentId: cohort.incidentId,
    caseId: incident?.caseId ?? "",
    incidentNumber: incident?.number ?? Number.MAX_SAFE_INTEGER,
    label: cohort.label,
    status: cohort.status,
    people,
    done,
    remaining: people !== null && done !== null ? people - done : null,
    notReported: people !== null && done === null ? people : 0,
    amountPerPersonYen: amount,
    owedYen: people !== null && amount !== null ? people * amount : null,
    doneYen: done !== null && amount !== null ? done * amount : null,
    lastReportDate: latest?.date ?? null,
  };
};

const PURPOSES: readonly TCohortPurpose[] = ["financial", "notification"];

/** A group by name (its incident's number and its label), for views that name it without its figures. */
export const groupName = (
  group: Pick<TCohortCompletion, "cohortId" | "incidentId" | "incidentNumber" | "label">,
): TGroupName => ({
  cohortId: group.cohortId,
  incidentId: group.incidentId,
  incidentNumber: group.incidentNumber,
  label: group.label,
});

/**
 * The first `limit` top-level groups of each purpose, each with its sub-groups (at any depth), in the
 * order given: a view bounded by what it draws rather than by the record.
 */
export const firstGroups = (rows: readonly TCohortCompletion[], limit: number) => {
  const parentOf = new Map(rows.map((r) => [r.cohortId, r.parentId]));
  const rootOf = (r: TCohortCompletion) => {
    let id = r.cohortId;
    // Writes refuse a group inside itself (src/shared/edits/records.ts); the bound only guards against a
    // damaged record.
    for (let hops = 0; hops < rows.length; hops++) {
      const parent = parentOf.get(id);
      if (parent === null || parent === undefined) return id;
      id = parent;
    }
    return id;
  };
  const kept = new Set<string>();
  for (const purpose of PURPOSES) {
    const top = rows.filter((r) => r.purpose === purpose && r.parentId === null).slice(0, limit);
    for (const r of top) kept.add(r.cohortId);
  }
  return rows.filter((r) => kept.has(rootOf(r)));
};

/**
 * Per purpose: how many top-level groups, and the incidents they belong to (the first `named` in the
 * order given, which is incident number order).
 */
export const remediationPurposes = (rows: readonly TCohortCompletion[], named: number) =>
  PURPOSES.flatMap((purpose) => {
    const top = rows.filter((r) => r.purpose === purpose && r.parentId === null);
    if (top.length === 0) return [];
    const incidents = [...new Map(top.map((r) => [r.incidentId, r.incidentNumber])).entries()];
    return [
      {
        purpose,
        groups: top.length,
        incidents: incidents.slice(0, named).map(([incidentId, number]) => ({ incidentId, number })),
        incidentCount: incidents.length,
      },
    ];
  });

/**
 * Per purpose and population with people whose progress is not reported: the top-level groups they are
 * in (the first `named`) and how many there are.
 */
export const unreportedGroups = (
  rows: readonly TCohortCompletion[],
  totals: readonly Pick<TRemediationTotals, "purpose" | "populationId">[],
  named: number,
) =>
  totals.flatMap(({ purpose, populationId }) => {
    const groups = rows.filter(
      (r) =>
        r.purpose === purpose && r.populationId === populationId && r.parentId === null && r.notReported > 0,
    );
    return groups.length === 0
      ? []
      : [{ purpose, populationId, groups: groups.slice(0, named).map(groupName), count: groups.length }];
  });

/**
 * Totals over the top-level groups, one row per purpose and population (financial first, populations in
 * the organisation's order): money put right is never added to letters sent, nor members to customers.
 */
export const remediationTotals = (
  data: Readonly<TDataset>,
  cohorts: readonly TCohort[],
): TRemediationTotals[] => {
  const top = cohorts.filter((cohort) => cohort.parentId === null);
  const rank = new Map(data.organisation.populations.map((p, i) => [p.id, i]));
  const keys = sortByKeys(
    [...new Map(top.map((c) => [`${c.purpose}:${c.populationId}`, c])).values()],
    (c) => PURPOSES.indexOf(c.purpose),
    (c) => rank.get(c.populationId) ?? 9999,
  );
  return keys.map(({ purpose, populationId }) => {
    const group = top.filter((c) => c.purpose === purpose && c.populationId === populationId);
    const rows = group.map((cohort) => cohortCompletion(data, cohort));
    return {
      purpose,
      populationId,
      people: sum(rows.map((row) => row.people)),
      done: sum(rows.map((row) => row.done)),
      remaining: sum(rows.map((row) => row.remaining)),
      notReported: sum(rows.map((row) => row.notReported)),
      owedYen: sum(rows.map((row) => row.owedYen)),
      doneYen: sum(rows.map((row) => row.doneYen)),
      peopleWithUnknownAmount: sum(
        group.map((cohort) =>
          cohort.amountPerPersonYen !== null && exactValue(cohort.amountPerPersonYen) === null
            ? exactValue(cohort.people)
            : null,
        ),
      ),
    };
  });
};

// ---------------------------------------------------------------------------------------------------
// Time between milestones

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

/** An incident's milestones in timeline order (date as written, then kind order, then position). */
export const milestonesInOrder = (incident: TIncident): TMilestone[] =>
  sortByKeys(
    incident.milestones,
    (milestone) => milestone.date,
    (milestone) => kindOrder(milestone.kind),
  );

const earliestOfKind = (incident: TIncident, kind: TMilestoneKind) =>
  sortByKeys(
    dayPreciseMilestones(incident).filter((milestone) => milestone.kind === kind),
    (milestone) => milestone.date,
  )[0];

export const SPAN_FROM = ["occurred", "detected"] as const;
export const SPAN_TO = ["reported_to_organisation", "reported_to_board"] as const;

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

/** A case's first and last day-precise milestone over its incidents, and the days between. */
export const caseSpan = (incidents: readonly TIncident[]) => {
  const days = incidents.flatMap(dayPreciseMilestones).map((m) => m.date);
  if (days.length === 0) return { firstDate: null, lastDate: null, days: null };
  const sorted = [...days].sort(compareText);
  const firstDate = sorted[0] as string;
  const lastDate = sorted[sorted.length - 1] as string;
  return { firstDate, lastDate, days: daysBetween(firstDate, lastDate) };
};

/** The middle value, or the mean of the two middle values; null for no values. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
