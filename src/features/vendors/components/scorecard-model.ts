import { minusMonths } from "@/shared/dates";
import type { TImpactTotal, TIncidentSummary, TMilestoneKind } from "@/shared/schemas/incident";
import type {
  TIncidentImpact,
  TMilestoneInterval,
  TOutsideFigure,
  TVendorScorecard,
} from "@/shared/schemas/stats";
import type { TRegulatoryAction } from "@/shared/schemas/vendor";
import { incidentPlace, type TPlace } from "./chain-model";

/** The three spans a board asks about, in the order the scorecard shows them. */
export const SPAN_PAIRS = [
  {
    key: "occurrenceToOrganisation",
    field: "medianDaysOccurrenceToOrganisation",
    from: "occurred",
    to: "reported_to_organisation",
  },
  {
    key: "detectionToOrganisation",
    field: "medianDaysDetectionToOrganisation",
    from: "detected",
    to: "reported_to_organisation",
  },
  { key: "occurrenceToBoard", field: "medianDaysToBoard", from: "occurred", to: "reported_to_board" },
] as const satisfies readonly {
  key: string;
  field: keyof TVendorScorecard;
  from: TMilestoneKind;
  to: TMilestoneKind;
}[];

export type TSpanKey = (typeof SPAN_PAIRS)[number]["key"];

export type TMedian = {
  /** As the server computed it; null = no incident has both dates. */
  days: number | null;
  /** How many incidents the median rests on (a median of one incident is that incident's span). */
  basis: number;
  /** Whether a date behind it comes from published sources rather than the organisation's record. */
  outsideRecord: boolean;
};

/** One incident a scorecard counts: its own figures as of the card's day, and where it happened. */
export type TScoredIncident = TIncidentSummary & { place: TPlace };

export type TScorecardView = TVendorScorecard & {
  /** The incidents the row counts, so every figure can be traced back to them. */
  incidentList: TScoredIncident[];
  /** Incidents whose own figures are not all exact (the affected totals are a floor without them). */
  unreportedIncidents: TScoredIncident[];
  /** Figures of the row's incidents from outside the record: shown beside, never in the totals. */
  outside: TOutsideFigure[];
  medians: Record<TSpanKey, TMedian>;
};

/** Not every part exact, or no figure at all: the same test as the server's `incidentsWithUnreportedCounts`. */
export const isIncomplete = (totals: readonly TImpactTotal[]) =>
  totals.length === 0 || totals.some((t) => !t.complete);

/**
 * Adds to each server row what the lists say about it; the server's figures are kept as they are. The
 * incidents' own figures come from the as-of read (`affected`), not from today's list.
 */
export const buildScorecardViews = (
  rows: readonly TVendorScorecard[],
  incidents: readonly TIncidentSummary[],
  affected: readonly Pick<TIncidentImpact, "incidentId" | "totals">[],
  outside: readonly TOutsideFigure[],
  spans: readonly TMilestoneInterval[],
): TScorecardView[] => {
  const summaries = new Map(incidents.map((i) => [i.id, i]));
  const totalsAsOf = new Map(affected.map((a) => [a.incidentId, a.totals]));
  return rows.map((row) => {
    const list = row.incidentIds.flatMap((id): TScoredIncident[] => {
      const summary = summaries.get(id);
      if (!summary) return [];
      return [
        {
          ...summary,
          affected: totalsAsOf.get(id) ?? summary.affected,
          place: incidentPlace(summary, row.vendorId),
        },
      ];
    });
    const ids = new Set(row.incidentIds);
    const medians = Object.fromEntries(
      SPAN_PAIRS.map((pair) => {
        const used = spans.filter(
          (s) => ids.has(s.incidentId) && s.fromKind === pair.from && s.toKind === pair.to,
        );
        return [
          pair.key,
          { days: row[pair.field], basis: used.length, outsideRecord: used.some((s) => s.outsideRecord) },
        ];
      }),
    ) as Record<TSpanKey, TMedian>;
    return {
      ...row,
      incidentList: list,
      unreportedIncidents: list.filter((i) => isIncomplete(i.affected)),
      outside: outside.filter((o) => ids.has(o.incidentId)),
      medians,
    };
  });
};

/** The scorecard's 24-month window: minusMonths(asOf, 24) < date ≤ asOf (docs/api-semantics.md). */
export const inLast24Months = (date: string, asOf: string) => minusMonths(asOf, 24) < date && date <= asOf;

export const countLast24Months = (actions: readonly TRegulatoryAction[], vendorId: string, asOf: string) =>
  actions.filter((a) => a.vendorId === vendorId && inLast24Months(a.date, asOf)).length;

/** The actions the record held on the day (a later one was not known then). */
export const actionsKnownOn = (actions: readonly TRegulatoryAction[], asOf: string) =>
  actions.filter((a) => a.date <= asOf);

/** The (unit, population) pairs the rows report, in the order they first appear (people first, per row). */
export const affectedKeys = (rows: readonly TVendorScorecard[]) => {
  const keys = new Map<string, Pick<TImpactTotal, "unit" | "populationId">>();
  for (const total of rows.flatMap((r) => r.affected)) {
    keys.set(`${total.unit}:${total.populationId ?? ""}`, {
      unit: total.unit,
      populationId: total.populationId,
    });
  }
  return [...keys.entries()]
    .sort(([, a], [, b]) => (a.unit === b.unit ? 0 : a.unit === "people" ? -1 : 1))
    .map(([key, value]) => ({ key, ...value }));
};

/** The (purpose, population) pairs of the rows' remediation totals, money first. */
export const remediationKeys = (rows: readonly TVendorScorecard[]) => {
  const keys = new Map<string, { purpose: "financial" | "notification"; populationId: string }>();
  for (const r of rows.flatMap((row) => row.remediation)) {
    keys.set(`${r.purpose}:${r.populationId}`, { purpose: r.purpose, populationId: r.populationId });
  }
  return [...keys.entries()]
    .sort(([, a], [, b]) => (a.purpose === b.purpose ? 0 : a.purpose === "financial" ? -1 : 1))
    .map(([key, value]) => ({ key, ...value }));
};
