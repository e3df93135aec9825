import { lastDayOfMonth } from "@/shared/dates";
import type { TCohort } from "@/shared/schemas/cohort";
import type { TCommitment } from "@/shared/schemas/commitment";
import type { TFigure, TSourceRef, TText } from "@/shared/schemas/common";
import type { TSourceDocument } from "@/shared/schemas/document";
import { type TIncident, type TMilestoneKind, ZMilestoneKind } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";

export type TRecord = {
  meetings: TMeeting[];
  incidents: TIncident[];
  cohorts: TCohort[];
  commitments: TCommitment[];
  documents: TSourceDocument[];
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
  | { kind: "progress"; cohortLabel: TText; doneCount: TFigure; note: TText | null }
  | { kind: "document"; documentId: string; label: TText; title: TText }
  | {
      kind: "commitment_made" | "commitment_reported_done" | "commitment_verified";
      commitmentId: string;
      text: TText;
    }
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
    add(c.reportedDoneDate, { ...base, key: `done-${c.id}`, kind: "commitment_reported_done" });
    add(c.verifiedDate, { ...base, key: `verified-${c.id}`, kind: "commitment_verified" });
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

/** Where a column's figures come from: frozen when the meeting closed, or today's record. */
export type TFiguresSource = "frozen" | "live";

/** The figures a board compares across meetings, from an overview and (when known) the deadlines. */
export type THeadline = {
  asOf: string;
  source: TFiguresSource;
  /** Sum of the exact affected counts (延べ); incidents without one are not in it. */
  affected: number;
  financial: { done: number; members: number; notReported: number };
  notification: { done: number; members: number; notReported: number };
  commitmentsOpen: number;
  commitmentsVerified: number;
  commitmentsOverdue: number;
  /** Null when the deadlines could not be read (live mode only). */
  deadlinesOverdue: number | null;
};

type TOverviewLike = {
  asOf: string;
  affected: { cumulativeReported: number };
  remediation: Record<"financial" | "notification", { done: number; members: number; notReported: number }>;
  commitments: { open: number; verified: number; overdue: number };
};

export const headlineOf = (
  overview: TOverviewLike,
  deadlines: { counts: { overdue: number } } | null,
  source: TFiguresSource,
): THeadline => ({
  asOf: overview.asOf,
  source,
  affected: overview.affected.cumulativeReported,
  financial: {
    done: overview.remediation.financial.done,
    members: overview.remediation.financial.members,
    notReported: overview.remediation.financial.notReported,
  },
  notification: {
    done: overview.remediation.notification.done,
    members: overview.remediation.notification.members,
    notReported: overview.remediation.notification.notReported,
  },
  commitmentsOpen: overview.commitments.open,
  commitmentsVerified: overview.commitments.verified,
  commitmentsOverdue: overview.commitments.overdue,
  deadlinesOverdue: deadlines ? deadlines.counts.overdue : null,
});

export type TFigureKey =
  | "affected"
  | "financialDone"
  | "notificationDone"
  | "commitmentsOpen"
  | "commitmentsVerified"
  | "commitmentsOverdue"
  | "deadlinesOverdue";

/**
 * One figure as a cell: `value` null when it is not known — `missing` says why: the vendor reported
 * nothing for any of the members ("not_reported", never shown as 0) or the figure could not be read.
 */
export type TFigureCell = {
  value: number | null;
  of?: number;
  notReported?: number;
  missing?: "not_reported" | "unavailable";
};

export type TFigureRow = {
  key: TFigureKey;
  unit: "members" | "plain";
  previous: TFigureCell | null;
  current: TFigureCell;
  /** current − previous when both are known; null otherwise (never 0 for "unknown"). */
  delta: number | null;
};

const FIGURE_KEYS: TFigureKey[] = [
  "affected",
  "financialDone",
  "notificationDone",
  "commitmentsOpen",
  "commitmentsVerified",
  "commitmentsOverdue",
  "deadlinesOverdue",
];

/** Done of members: nothing reported for any of them is "not reported", not 0 done. */
const doneCell = (r: THeadline["financial"]): TFigureCell =>
  r.members > 0 && r.notReported >= r.members
    ? { value: null, of: r.members, notReported: r.notReported, missing: "not_reported" }
    : { value: r.done, of: r.members, notReported: r.notReported };

const cell = (h: THeadline, key: TFigureKey): TFigureCell => {
  switch (key) {
    case "affected":
      return { value: h.affected };
    case "financialDone":
      return doneCell(h.financial);
    case "notificationDone":
      return doneCell(h.notification);
    case "commitmentsOpen":
      return { value: h.commitmentsOpen };
    case "commitmentsVerified":
      return { value: h.commitmentsVerified };
    case "commitmentsOverdue":
      return { value: h.commitmentsOverdue };
    case "deadlinesOverdue":
      return h.deadlinesOverdue === null
        ? { value: null, missing: "unavailable" }
        : { value: h.deadlinesOverdue };
  }
};

/** One row per headline figure: the previous meeting's value (when there is one), this one's, and the change. */
export const compareHeadlines = (previous: THeadline | null, current: THeadline): TFigureRow[] =>
  FIGURE_KEYS.map((key) => {
    const before = previous ? cell(previous, key) : null;
    const now = cell(current, key);
    const delta = before && before.value !== null && now.value !== null ? now.value - before.value : null;
    return {
      key,
      unit: key === "affected" || key === "financialDone" || key === "notificationDone" ? "members" : "plain",
      previous: before,
      current: now,
      delta,
    };
  });
