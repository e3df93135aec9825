import type { TImpactTotal, TIncidentSummary } from "@/shared/schemas/incident";
import type { TMilestoneInterval, TRemediationTotals, TVendorScorecard } from "@/shared/schemas/stats";
import type { TRegulatoryAction } from "@/shared/schemas/vendor";
import {
  actionsKnownOn,
  affectedKeys,
  buildScorecardViews,
  inLast24Months,
  isIncomplete,
  remediationKeys,
} from "./scorecard-model";

const total = (over: Partial<TImpactTotal> = {}): TImpactTotal => ({
  unit: "people",
  populationId: "members",
  value: 10,
  complete: true,
  unreportedParts: 0,
  confirmedNone: false,
  ...over,
});

const incident = (id: string, chain: string[], affected: TImpactTotal[]): TIncidentSummary => ({
  id,
  number: Number(id.slice(-1)),
  caseId: "case-1",
  title: { ja: id, en: id },
  category: "other",
  status: "open",
  fiscalYear: 2025,
  vendorIds: chain,
  chain,
  affected,
  firstDate: null,
});

const row = (
  vendorId: string,
  incidentIds: string[],
  over: Partial<TVendorScorecard> = {},
): TVendorScorecard => ({
  vendorId,
  fiscalYear: 2025,
  incidents: incidentIds.length,
  incidentIds,
  incidentsViaSubcontractors: 0,
  affected: [],
  incidentsWithUnreportedCounts: 0,
  medianDaysDetectionToOrganisation: null,
  medianDaysOccurrenceToOrganisation: 10,
  medianDaysToBoard: null,
  remediation: [],
  commitments: 0,
  commitmentsWithDueDate: 0,
  commitmentsKeptOnTime: 0,
  commitmentsOverdue: 0,
  regulatoryActionsLast24Months: 0,
  ...over,
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

describe("buildScorecardViews", () => {
  // inc-1 at the contractor; inc-2 at its printer (chain contractor → printer); inc-3 elsewhere.
  const incidents = [
    incident("inc-1", ["contractor"], [total()]),
    incident("inc-2", ["contractor", "printer"], [total({ value: 99 })]),
    incident("inc-3", ["other"], [total()]),
  ];
  // As of the card's day inc-2's members figure was not reported yet: the list's later figure is not used.
  const asOfTotals = [
    { incidentId: "inc-1", totals: [total()] },
    { incidentId: "inc-2", totals: [total({ value: 0, complete: false, unreportedParts: 1 })] },
  ];
  const outside = [
    {
      incidentId: "inc-2",
      impactId: "press",
      unit: "records" as const,
      populationId: null,
      count: { status: "reported" as const, value: 5, source: { documentId: "press", cites: [] } },
    },
    {
      incidentId: "inc-3",
      impactId: "press-3",
      unit: "records" as const,
      populationId: null,
      count: { status: "reported" as const, value: 7, source: { documentId: "press", cites: [] } },
    },
  ];
  const [contractor, printer] = buildScorecardViews(
    [row("contractor", ["inc-1", "inc-2"]), row("printer", ["inc-2"])],
    incidents,
    asOfTotals,
    outside,
    [span("inc-1", true), span("inc-2", false), span("inc-3", false)],
  );

  it("lists the incidents the server counted, in its order, with where each happened", () => {
    expect(contractor?.incidentList.map((i) => [i.id, i.place])).toEqual([
      ["inc-1", { kind: "here", above: [] }],
      ["inc-2", { kind: "below", below: ["printer"] }],
    ]);
    expect(printer?.incidentList.map((i) => [i.id, i.place])).toEqual([
      ["inc-2", { kind: "here", above: ["contractor"] }],
    ]);
  });

  it("takes each incident's own figures as of the day, and flags the incomplete ones", () => {
    expect(contractor?.incidentList[1]?.affected).toEqual(asOfTotals[1]?.totals);
    expect(contractor?.unreportedIncidents.map((i) => i.id)).toEqual(["inc-2"]);
  });

  it("keeps the outside figures of the row's incidents beside it, and only those", () => {
    expect(contractor?.outside.map((o) => o.impactId)).toEqual(["press"]);
    expect(printer?.outside.map((o) => o.impactId)).toEqual(["press"]);
  });

  it("says how many incidents a median rests on and whether a date is outside the record", () => {
    expect(contractor?.medians.occurrenceToOrganisation).toEqual({ days: 10, basis: 2, outsideRecord: true });
    expect(printer?.medians.occurrenceToOrganisation).toEqual({ days: 10, basis: 1, outsideRecord: false });
    expect(contractor?.medians.occurrenceToBoard).toEqual({ days: null, basis: 0, outsideRecord: false });
  });
});

describe("isIncomplete", () => {
  it("is true without any figure, or with a part not reported; a confirmed none is complete", () => {
    expect(isIncomplete([])).toBe(true);
    expect(isIncomplete([total({ complete: false })])).toBe(true);
    expect(isIncomplete([total({ value: 0, confirmedNone: true })])).toBe(false);
  });
});

const remediation = (purpose: TRemediationTotals["purpose"], populationId: string): TRemediationTotals => ({
  purpose,
  populationId,
  people: 1,
  done: 0,
  remaining: 1,
  notReported: 0,
  owedYen: 0,
  doneYen: 0,
  peopleWithUnknownAmount: 0,
});

describe("affectedKeys and remediationKeys", () => {
  it("give one row per unit and population (people first) and per purpose and population (money first)", () => {
    const rows = [
      row("a", [], {
        affected: [total({ unit: "records", populationId: "customers" }), total()],
        remediation: [remediation("notification", "customers")],
      }),
      row("b", [], {
        affected: [total({ populationId: "customers" })],
        remediation: [remediation("financial", "members")],
      }),
    ];
    expect(affectedKeys(rows).map((k) => k.key)).toEqual([
      "people:members",
      "people:customers",
      "records:customers",
    ]);
    expect(remediationKeys(rows).map((k) => k.key)).toEqual(["financial:members", "notification:customers"]);
  });
});

describe("the 24-month window", () => {
  it("excludes the first day of the window and includes asOf", () => {
    expect(inLast24Months("2024-11-27", "2026-11-27")).toBe(false);
    expect(inLast24Months("2024-11-28", "2026-11-27")).toBe(true);
    expect(inLast24Months("2026-11-27", "2026-11-27")).toBe(true);
    expect(inLast24Months("2026-11-28", "2026-11-27")).toBe(false);
  });

  it("leaves out the actions published after the day", () => {
    const action = (date: string) => ({ id: date, vendorId: "v", date }) as TRegulatoryAction;
    expect(
      actionsKnownOn([action("2025-01-01"), action("2025-06-01")], "2025-03-01").map((a) => a.id),
    ).toEqual(["2025-01-01"]);
  });
});
