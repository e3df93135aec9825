import type { TCommitmentView } from "@/shared/schemas/commitment";
import type { TIncidentSummary } from "@/shared/schemas/incident";
import type { TMilestoneInterval, TVendorScorecard } from "@/shared/schemas/stats";
import { buildScorecardViews, inLast24Months } from "./scorecard-model";

const incident = (id: string, fiscalYear: number, vendorIds: string[], affectedTotal: number | null) =>
  ({
    id,
    number: Number(id.slice(-1)),
    title: { ja: id, en: id },
    category: "other",
    status: "open",
    fiscalYear,
    vendorIds,
    affectedTotal,
    firstDate: null,
  }) satisfies TIncidentSummary;

const row = (vendorId: string, fiscalYear: number): TVendorScorecard => ({
  vendorId,
  fiscalYear,
  incidents: 0,
  membersAffectedReported: 0,
  incidentsWithUnreportedCounts: 0,
  medianDaysDetectionToOrganisation: null,
  medianDaysOccurrenceToOrganisation: 10,
  medianDaysToBoard: null,
  remediationMembers: 0,
  remediationDone: 0,
  remediationNotReported: 0,
  commitments: 0,
  commitmentsKeptOnTime: 0,
  commitmentsOverdue: 0,
  regulatoryActionsLast24Months: 0,
});

const span = (incidentId: string, outsideRecord: boolean): TMilestoneInterval => ({
  incidentId,
  fromMilestoneId: `${incidentId}-a`,
  toMilestoneId: `${incidentId}-b`,
  fromKind: "occurred",
  toKind: "reported_to_organisation",
  fromDate: "2025-04-01",
  toDate: "2025-04-11",
  days: 10,
  outsideRecord,
});

const commitment = (id: string, owedByIds: string[], incidentIds: string[], dueDate: string | null) =>
  ({ id, owedByIds, incidentIds, dueDate }) as TCommitmentView;

describe("buildScorecardViews", () => {
  const incidents = [
    incident("inc-1", 2025, ["a"], 10),
    incident("inc-2", 2025, ["a", "b"], null),
    incident("inc-3", 2024, ["a"], 5),
  ];
  const [a, b] = buildScorecardViews(
    [row("a", 2025), row("b", 2025)],
    incidents,
    [
      commitment("c1", ["a"], ["inc-1"], null),
      commitment("c2", ["a"], ["inc-2"], "2025-10-01"),
      commitment("c3", ["a"], ["inc-3"], "2024-10-01"),
      commitment("c4", ["b"], ["inc-1"], "2025-10-01"),
    ],
    [span("inc-1", true), span("inc-2", false), span("inc-3", false)],
  );

  it("keeps only the vendor's incidents of that year", () => {
    expect(a?.incidentList.map((i) => i.id)).toEqual(["inc-1", "inc-2"]);
    expect(b?.incidentList.map((i) => i.id)).toEqual(["inc-2"]);
    expect(a?.unreportedIncidents.map((i) => i.id)).toEqual(["inc-2"]);
  });

  it("says how many incidents a median rests on and whether a date is outside the record", () => {
    expect(a?.medians.occurrenceToOrganisation).toEqual({ days: 10, basis: 2, outsideRecord: true });
    expect(b?.medians.occurrenceToOrganisation).toEqual({ days: 10, basis: 1, outsideRecord: false });
    expect(a?.medians.occurrenceToBoard).toEqual({ days: null, basis: 0, outsideRecord: false });
  });

  it("counts the commitments with a due date among those the row counts", () => {
    expect(a?.commitmentsWithDueDate).toBe(1);
    expect(b?.commitmentsWithDueDate).toBe(0);
  });
});

describe("inLast24Months", () => {
  it("excludes the first day of the window and includes asOf", () => {
    expect(inLast24Months("2024-11-27", "2026-11-27")).toBe(false);
    expect(inLast24Months("2024-11-28", "2026-11-27")).toBe(true);
    expect(inLast24Months("2026-11-27", "2026-11-27")).toBe(true);
    expect(inLast24Months("2026-11-28", "2026-11-27")).toBe(false);
  });
});
