import { minusMonths } from "@/shared/dates";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import type { TIncidentSummary, TMilestoneKind } from "@/shared/schemas/incident";
import type { TMilestoneInterval, TVendorScorecard } from "@/shared/schemas/stats";
import type { TRegulatoryAction } from "@/shared/schemas/vendor";

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
  /** Whether a date behind it comes from published sources rather than the association's record. */
  outsideRecord: boolean;
};

export type TScorecardView = TVendorScorecard & {
  /** The incidents the row counts, so every figure can be traced back to them. */
  incidentList: TIncidentSummary[];
  /** Incidents whose member count is not fully reported (not in the members figure). */
  unreportedIncidents: TIncidentSummary[];
  medians: Record<TSpanKey, TMedian>;
  /** Of the row's commitments, how many have a due date: without one, "kept on time" cannot be judged. */
  commitmentsWithDueDate: number;
};

const rowIncidents = (row: TVendorScorecard, incidents: TIncidentSummary[]) =>
  incidents.filter((i) => i.fiscalYear === row.fiscalYear && i.vendorIds.includes(row.vendorId));

/** Adds to each server row what the lists say about it; the server's figures are kept as they are. */
export const buildScorecardViews = (
  rows: TVendorScorecard[],
  incidents: TIncidentSummary[],
  commitments: TCommitmentView[],
  spans: TMilestoneInterval[],
): TScorecardView[] =>
  rows.map((row) => {
    const list = rowIncidents(row, incidents);
    const ids = new Set(list.map((i) => i.id));
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
    const owed = commitments.filter(
      (c) => c.owedByIds.includes(row.vendorId) && c.incidentIds.some((id) => ids.has(id)),
    );
    return {
      ...row,
      incidentList: list,
      unreportedIncidents: list.filter((i) => i.affectedTotal === null),
      medians,
      commitmentsWithDueDate: owed.filter((c) => c.dueDate !== null).length,
    };
  });

/** The scorecard's 24-month window: minusMonths(asOf, 24) < date ≤ asOf (docs/api-semantics.md). */
export const inLast24Months = (date: string, asOf: string) => minusMonths(asOf, 24) < date && date <= asOf;

export const countLast24Months = (actions: TRegulatoryAction[], vendorId: string, asOf: string) =>
  actions.filter((a) => a.vendorId === vendorId && inLast24Months(a.date, asOf)).length;
