import { lastDayOfMonth } from "@/shared/dates";
import { recordAsOf } from "@/shared/reads/as-of";
import type { TCohort, TCohortPurpose } from "@/shared/schemas/cohort";
import type { TCommitment, TCommitmentStep } from "@/shared/schemas/commitment";
import type { TFigure, TSourceRef, TText } from "@/shared/schemas/common";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TSourceDocument } from "@/shared/schemas/document";
import {
  type TImpactTotal,
  type TImpactUnit,
  type TIncident,
  type TMilestoneKind,
  ZMilestoneKind,
} from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TRemediationTotals } from "@/shared/schemas/stats";

export type TRecord = {
  meetings: TMeeting[];
  incidents: TIncident[];
  cohorts: TCohort[];
  commitments: TCommitment[];
  documents: TSourceDocument[];
};

/**
 * The dated record as it stood on a day, by the shared definition of "as of" (src/shared/reads/as-of.ts):
 * what an open meeting's period lists is what closing it would freeze. Only the lists the period reads
 * are cut; the others are not needed here and are left empty.
 */
export const recordOnDay = (record: TRecord, asOf: string): TRecord => {
  const cut = recordAsOf(
    { cases: [], vendors: [], services: [], regulatoryActions: [], ...record } as unknown as TDataset,
    asOf,
  );
  return {
    meetings: cut.meetings,
    incidents: cut.incidents,
    cohorts: cut.cohorts,
    commitments: cut.commitments,
    documents: cut.documents,
  };
};

/** What a reopening undid, told from the step before it (see the commitments tracker). */
export type TReopening = "not_accepted" | "after_verified" | "unknown";

const reopeningAt = (history: readonly TCommitmentStep[], at: number): TReopening => {
  const before = history[at - 1]?.step;
  return before === "reported_done" ? "not_accepted" : before === "verified" ? "after_verified" : "unknown";
};

export type TChange = {
  key: string;
  date: string;
  /** A month-only date whose month straddles an edge of the period: it may fall either side. */
  uncertain: boolean;
  outsideRecord: boolean;
  incident: Pick<TIncident, "id" | "number" | "title"> | null;
  source: TSourceRef | null;
} & (
  | { kind: "milestone"; milestoneKind: TMilestoneKind; endDate: string | null; note: TText | null }
  | {
      kind: "progress";
      purpose: TCohortPurpose;
      cohortLabel: TText;
      doneCount: TFigure;
      note: TText | null;
    }
  | { kind: "document"; documentId: string; label: TText; title: TText }
  | {
      kind: "commitment_made" | "commitment_reported_done" | "commitment_verified";
      commitmentId: string;
      text: TText;
    }
  | { kind: "commitment_reopened"; commitmentId: string; text: TText; reopening: TReopening }
);

// Omit that keeps a union a union (the built-in one merges the members into one type).
type TDistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The meeting just before this one: the greatest (date, id) below this meeting's (date, id). */
export const previousMeeting = (meetings: TMeeting[], meeting: TMeeting): TMeeting | null => {
  const before = meetings.filter(
    (m) => m.date < meeting.date || (m.date === meeting.date && m.id < meeting.id),
  );
  before.sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
  return before[0] ?? null;
};

/**
 * Where a record's date falls relative to the period (from, to]; `from` null = since the start of the
 * record. A month-only date covers the whole month: inside only when the whole month is, "edge" when
 * the month straddles a boundary (it is listed, marked as unclear), never invented into a day.
 */
export const placeInPeriod = (date: string, from: string | null, to: string): "in" | "edge" | "out" => {
  const first = date.length === 7 ? `${date}-01` : date;
  const last = date.length === 7 ? lastDayOfMonth(date) : date;
  const after = (d: string) => from === null || d > from;
  if (after(first) && last <= to) return "in";
  if (!after(last) || first > to) return "out";
  return "edge";
};

const MILESTONE_ORDER = ZMilestoneKind.options;
const KIND_ORDER: TChange["kind"][] = [
  "milestone",
  "progress",
  "commitment_made",
  "commitment_reported_done",
  "commitment_verified",
  "commitment_reopened",
  "document",
];

/** Every dated record in (from, to], oldest first (partial dates sort before the days of their month). */
export const changesInPeriod = (record: TRecord, from: string | null, to: string): TChange[] => {
  const out: TChange[] = [];
  const docById = new Map(record.documents.map((d) => [d.id, d]));
  const incidentById = new Map(record.incidents.map((i) => [i.id, i]));
  const brief = (i: TIncident | undefined) => (i ? { id: i.id, number: i.number, title: i.title } : null);
  const outside = (source: TSourceRef) => docById.get(source.documentId)?.outsideRecord ?? false;
  const add = (date: string | null, change: TDistributiveOmit<TChange, "date" | "uncertain">) => {
    if (!date) return;
    const place = placeInPeriod(date, from, to);
    if (place !== "out") out.push({ ...change, date, uncertain: place === "edge" });
  };

  for (const incident of record.incidents) {
    for (const m of incident.milestones) {
      add(m.date, {
        key: `milestone-${m.id}`,
        kind: "milestone",
        milestoneKind: m.kind,
        endDate: m.endDate,
        note: m.note,
        outsideRecord: m.outsideRecord,
        incident: brief(incident),
        source: m.source,
      });
    }
  }
  for (const cohort of record.cohorts) {
    for (const p of cohort.progress) {
      add(p.date, {
        key: `progress-${p.id}`,
        kind: "progress",
        purpose: cohort.purpose,
        cohortLabel: cohort.label,
        doneCount: p.doneCount,
        note: p.note,
        outsideRecord: outside(p.source),
        incident: brief(incidentById.get(cohort.incidentId)),
        source: p.source,
      });
    }
  }
  for (const c of record.commitments) {
    const base = {
      commitmentId: c.id,
      text: c.text,
      outsideRecord: outside(c.source),
      incident: c.incidentIds.length === 1 ? brief(incidentById.get(c.incidentIds[0] ?? "")) : null,
      source: c.source,
    };
    add(c.madeOn, { ...base, key: `made-${c.id}`, kind: "commitment_made" });
    if (c.history.length === 0) {
      // A record kept before the history existed: its last report and verification are all it says.
      add(c.reportedDoneDate, { ...base, key: `done-${c.id}`, kind: "commitment_reported_done" });
      add(c.verifiedDate, { ...base, key: `verified-${c.id}`, kind: "commitment_verified" });
      continue;
    }
    // Every step of the history, each on its own day: a report refused and made again shows twice.
    c.history.forEach((step, i) => {
      const key = `${step.step}-${c.id}-${i}`;
      if (step.step === "reported_done") add(step.date, { ...base, key, kind: "commitment_reported_done" });
      else if (step.step === "verified") add(step.date, { ...base, key, kind: "commitment_verified" });
      else
        add(step.date, {
          ...base,
          key,
          kind: "commitment_reopened",
          reopening: reopeningAt(c.history, i),
        });
    });
  }
  for (const d of record.documents) {
    add(d.date, {
      key: `document-${d.id}`,
      kind: "document",
      documentId: d.id,
      label: d.label,
      title: d.title,
      outsideRecord: d.outsideRecord,
      incident: null,
      source: null,
    });
  }

  const rank = (c: TChange) =>
    KIND_ORDER.indexOf(c.kind) * 100 +
    (c.kind === "milestone" ? MILESTONE_ORDER.indexOf(c.milestoneKind) : 0);
  // Stable sort: equal dates and kinds keep the record's own order (incident number, position).
  return out.sort((a, b) => (a.date === b.date ? rank(a) - rank(b) : a.date < b.date ? -1 : 1));
};

// ---------------------------------------------------------------------------------------------------
// Headline figures side by side: what the board saw at the previous meeting and at this one.

/** Where a column's figures come from: frozen when the meeting closed, or today's record as of the day. */
export type TFiguresSource = "frozen" | "live";

/**
 * The figures a board compares across meetings, from an overview and (when known) the deadlines: the
 * affected totals per unit and population and the remediation per purpose and population, as the API
 * gives them (never added across units, populations or purposes), then commitments and deadlines.
 */
export type THeadline = {
  asOf: string;
  source: TFiguresSource;
  affected: TImpactTotal[];
  remediation: TRemediationTotals[];
  commitmentsOpen: number;
  commitmentsVerified: number;
  commitmentsOverdue: number;
  /** Null when the deadlines could not be read (live mode only). */
  deadlinesOverdue: number | null;
};

type TOverviewLike = {
  asOf: string;
  affected: { totals: TImpactTotal[] };
  remediation: TRemediationTotals[];
  commitments: { open: number; verified: number; overdue: number };
};

export const headlineOf = (
  overview: TOverviewLike,
  deadlines: { counts: { overdue: number } } | null,
  source: TFiguresSource,
): THeadline => ({
  asOf: overview.asOf,
  source,
  affected: overview.affected.totals,
  remediation: overview.remediation,
  commitmentsOpen: overview.commitments.open,
  commitmentsVerified: overview.commitments.verified,
  commitmentsOverdue: overview.commitments.overdue,
  deadlinesOverdue: deadlines ? deadlines.counts.overdue : null,
});

/** What a row is about: its key (stable across meetings) says which figure, unit, population, purpose. */
export type TFigureSubject =
  | { kind: "affected"; unit: TImpactUnit; populationId: string | null }
  | { kind: "remediation"; purpose: TCohortPurpose; populationId: string }
  | { kind: "commitmentsOpen" | "commitmentsVerified" | "commitmentsOverdue" | "deadlinesOverdue" };

/**
 * One figure as a cell: `value` null when it is not known — `missing` says why: the vendor reported
 * nothing for any of the people ("not_reported", never shown as 0), the figure could not be read, or the
 * record held nothing of it on that day ("not_recorded": the incident or group came later).
 */
export type TFigureCell = {
  value: number | null;
  of?: number;
  notReported?: number;
  /** A total some of whose parts are not reported or approximate: `value` is a floor. */
  floor?: boolean;
  /** Every part says no one was affected (確認の結果なし). */
  confirmedNone?: boolean;
  missing?: "not_reported" | "unavailable" | "not_recorded";
};

export type TFigureRow = {
  key: string;
  subject: TFigureSubject;
  /** How its numbers read: people (名), records (件) or plain counts. */
  unit: TImpactUnit | "plain";
  previous: TFigureCell | null;
  current: TFigureCell;
  /** current − previous when both are known; null otherwise (never 0 for "unknown"). */
  delta: number | null;
};

const affectedKey = (t: Pick<TImpactTotal, "unit" | "populationId">) =>
  `affected:${t.unit}:${t.populationId ?? ""}`;
const remediationKey = (r: Pick<TRemediationTotals, "purpose" | "populationId">) =>
  `remediation:${r.purpose}:${r.populationId}`;

/** Done of people: nothing reported for any of them is "not reported", not 0 done. */
const doneCell = (r: TRemediationTotals): TFigureCell =>
  r.people > 0 && r.notReported >= r.people
    ? { value: null, of: r.people, notReported: r.notReported, missing: "not_reported" }
    : { value: r.done, of: r.people, notReported: r.notReported };

const affectedCell = (t: TImpactTotal): TFigureCell => ({
  value: t.value,
  ...(t.complete ? {} : { floor: true, notReported: t.unreportedParts }),
  ...(t.confirmedNone ? { confirmedNone: true } : {}),
});

const NOT_RECORDED: TFigureCell = { value: null, missing: "not_recorded" };

const cellOf = (h: THeadline, subject: TFigureSubject): TFigureCell => {
  switch (subject.kind) {
    case "affected": {
      const total = h.affected.find((t) => affectedKey(t) === affectedKey(subject));
      return total ? affectedCell(total) : NOT_RECORDED;
    }
    case "remediation": {
      const row = h.remediation.find((r) => remediationKey(r) === remediationKey(subject));
      return row ? doneCell(row) : NOT_RECORDED;
    }
    case "deadlinesOverdue":
      return h.deadlinesOverdue === null
        ? { value: null, missing: "unavailable" }
        : { value: h.deadlinesOverdue };
    default:
      return { value: h[subject.kind] };
  }
};

/** The people's order: the organisation's populations in its own order (unknown ones last). */
export type TPopulationOrder = (populationId: string | null) => number;

/**
 * One row per figure of either meeting (an incident or group recorded only later gives the earlier
 * meeting "not recorded", never 0): affected people before records, by population; financial
 * remediation before notification, by population; then commitments and deadlines.
 */
export const compareHeadlines = (
  previous: THeadline | null,
  current: THeadline,
  order: TPopulationOrder = () => 0,
): TFigureRow[] => {
  const both = previous ? [previous, current] : [current];
  const affected = new Map<string, TFigureSubject & { kind: "affected" }>();
  for (const h of both)
    for (const t of h.affected)
      affected.set(affectedKey(t), { kind: "affected", unit: t.unit, populationId: t.populationId });
  const remediation = new Map<string, TFigureSubject & { kind: "remediation" }>();
  for (const h of both)
    for (const r of h.remediation)
      remediation.set(remediationKey(r), {
        kind: "remediation",
        purpose: r.purpose,
        populationId: r.populationId,
      });
  const subjects: TFigureSubject[] = [
    ...[...affected.values()].sort(
      (a, b) =>
        (a.unit === b.unit ? 0 : a.unit === "people" ? -1 : 1) ||
        order(a.populationId) - order(b.populationId),
    ),
    ...[...remediation.values()].sort(
      (a, b) =>
        (a.purpose === b.purpose ? 0 : a.purpose === "financial" ? -1 : 1) ||
        order(a.populationId) - order(b.populationId),
    ),
    { kind: "commitmentsOpen" },
    { kind: "commitmentsVerified" },
    { kind: "commitmentsOverdue" },
    { kind: "deadlinesOverdue" },
  ];
  return subjects.map((subject) => {
    const before = previous ? cellOf(previous, subject) : null;
    const now = cellOf(current, subject);
    const delta = before && before.value !== null && now.value !== null ? now.value - before.value : null;
    const key =
      subject.kind === "affected"
        ? affectedKey(subject)
        : subject.kind === "remediation"
          ? remediationKey(subject)
          : subject.kind;
    const unit =
      subject.kind === "affected" ? subject.unit : subject.kind === "remediation" ? "people" : "plain";
    return { key, subject, unit, previous: before, current: now, delta };
  });
};
