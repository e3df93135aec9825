import { z } from "zod";
import { CASE_TIMELINE_CASES, CASE_TIMELINE_INCIDENTS, LARGEST_PAGE } from "../overview-limits";
import { ZCaseStatus, ZScopeQuery } from "./case";
import { ZCohortPurpose, ZCohortStatus } from "./cohort";
import { ZCommitmentStatus } from "./commitment";
import { ZFigure, ZFiscalYear, ZId, ZIsoDate, ZPartialDate, ZText } from "./common";
import { ZDeadlineRule } from "./deadline";
import { ZImpactTotal, ZImpactUnit, ZMilestone, ZMilestoneKind } from "./incident";

/*
 * The board's figures (docs/api-semantics.md), each computed once in src/shared/reads over the record as
 * of a date and within a scope. People (名) and records (件) are separate figures; so are the people of
 * different populations; a figure from outside the record is shown beside the totals, never in them.
 */

/** Every figure endpoint takes the same scope and reference date. */
export const ZStatsQuery = z.strictObject({
  ...ZScopeQuery,
  /** The record as it stood that day (default: today in Tokyo). */
  asOf: ZIsoDate.optional(),
  incidentId: ZId.optional(),
});
export type TStatsQuery = z.infer<typeof ZStatsQuery>;

/** What the figures were computed over, as the server understood the query. */
export const ZScope = z.strictObject({
  asOf: ZIsoDate,
  caseIds: z.array(ZId),
  incidentIds: z.array(ZId),
  vendorId: ZId.nullable(),
  fiscalYear: ZFiscalYear.nullable(),
  caseStatus: z.enum(["open", "closed", "all"]),
});
export type TScope = z.infer<typeof ZScope>;

/** A figure from outside the record, kept beside the totals with its mark. */
export const ZOutsideFigure = z.strictObject({
  incidentId: ZId,
  impactId: ZId,
  unit: ZImpactUnit,
  populationId: ZId.nullable(),
  count: ZFigure,
});
export type TOutsideFigure = z.infer<typeof ZOutsideFigure>;

export const ZIncidentImpact = z.strictObject({
  incidentId: ZId,
  caseId: ZId,
  number: z.number().int(),
  title: ZText,
  /** The organisation's own people and records, one total per unit and population. */
  totals: z.array(ZImpactTotal),
  /** The whole extent at the vendor (all its clients), in the record. */
  vendorWide: z.array(z.strictObject({ impactId: ZId, unit: ZImpactUnit, count: ZFigure })),
  byService: z.array(
    z.strictObject({
      serviceId: ZId,
      serviceName: ZText,
      unit: ZImpactUnit,
      populationId: ZId.nullable(),
      count: ZFigure,
    }),
  ),
});
export type TIncidentImpact = z.infer<typeof ZIncidentImpact>;

export const ZAffectedStatsQuery = ZStatsQuery.extend({
  /**
   * Incidents listed per figure (unit and population): the first, in number order, that have it; the
   * rest are counted in `incidentCounts`. Without it, every incident: the overview asks for what its
   * charts draw, and for the whole list only when the reader opens it.
   */
  incidents: z.coerce.number().int().min(1).max(LARGEST_PAGE).optional(),
});

export const ZAffectedStats = z.strictObject({
  scope: ZScope,
  incidents: z.array(ZIncidentImpact),
  /** Per figure of `totals`: how many incidents have it, listed or not. */
  incidentCounts: z.array(
    z.strictObject({ unit: ZImpactUnit, populationId: ZId.nullable(), incidents: z.number().int() }),
  ),
  /** 延べ: the same person can be in more than one incident, so these count cases, not people. */
  totals: z.array(ZImpactTotal),
  outside: z.array(ZOutsideFigure),
  byService: z.array(
    z.strictObject({
      serviceId: ZId,
      serviceName: ZText,
      unit: ZImpactUnit,
      populationId: ZId.nullable(),
      reportedTotal: z.number().int(),
      incidentCount: z.number().int(),
    }),
  ),
});
export type TAffectedStats = z.infer<typeof ZAffectedStats>;

export const ZCohortCompletion = z.strictObject({
  cohortId: ZId,
  parentId: ZId.nullable(),
  purpose: ZCohortPurpose,
  populationId: ZId,
  incidentId: ZId,
  caseId: ZId,
  incidentNumber: z.number().int(),
  label: ZText,
  /** As of the reference date (replayed from the dated status changes). */
  status: ZCohortStatus,
  people: z.number().int().nullable(),
  /** People put right (or notified) per the latest reported progress; null = not reported. */
  done: z.number().int().nullable(),
  /** People still to be put right when the vendor reported a partial count. */
  remaining: z.number().int().nullable(),
  /** People whose state the vendor has not reported. */
  notReported: z.number().int(),
  amountPerPersonYen: z.number().int().nullable(),
  owedYen: z.number().int().nullable(),
  doneYen: z.number().int().nullable(),
  lastReportDate: z.string().nullable(),
});
export type TCohortCompletion = z.infer<typeof ZCohortCompletion>;

/** Totals of one purpose for one population (people of different populations are never added). */
export const ZRemediationTotals = z.strictObject({
  purpose: ZCohortPurpose,
  populationId: ZId,
  people: z.number().int(),
  done: z.number().int(),
  remaining: z.number().int(),
  notReported: z.number().int(),
  owedYen: z.number().int(),
  doneYen: z.number().int(),
  /** People of groups whose per-person amount is not reported, so the yen totals are a floor. */
  peopleWithUnknownAmount: z.number().int(),
});
export type TRemediationTotals = z.infer<typeof ZRemediationTotals>;

export const ZRemediationStatsQuery = ZStatsQuery.extend({
  /**
   * Top-level groups listed per purpose (in the views' order), each with its sub-groups; the rest are
   * counted in `purposes`. Without it, every group: the overview asks for what its chart draws, and for
   * the whole list only when the reader opens it.
   */
  groups: z.coerce.number().int().min(1).max(LARGEST_PAGE).optional(),
});

/** A remediation group by name: enough to name and link it without the group's figures. */
export const ZGroupName = z.strictObject({
  cohortId: ZId,
  incidentId: ZId,
  incidentNumber: z.number().int(),
  label: ZText,
});
export type TGroupName = z.infer<typeof ZGroupName>;

export const ZRemediationStats = z.strictObject({
  scope: ZScope,
  /**
   * Top-level groups and their sub-groups (parentId set), at most `groups` top-level ones per purpose
   * when the query bounds them; totals count every top-level group, listed or not.
   */
  cohorts: z.array(ZCohortCompletion),
  /** One row per purpose and population, financial first. */
  totals: z.array(ZRemediationTotals),
  /** Per purpose that has groups: how many top-level groups, and the incidents they belong to. */
  purposes: z.array(
    z.strictObject({
      purpose: ZCohortPurpose,
      groups: z.number().int(),
      /** The first incidents in number order (at most INCIDENTS_NAMED); `incidentCount` counts them all. */
      incidents: z.array(z.strictObject({ incidentId: ZId, number: z.number().int() })),
      incidentCount: z.number().int(),
    }),
  ),
  /**
   * Per purpose and population with people whose progress is not reported: the top-level groups they are
   * in (the first GROUPS_NAMED, in the views' order) and how many there are.
   */
  unreported: z.array(
    z.strictObject({
      purpose: ZCohortPurpose,
      populationId: ZId,
      groups: z.array(ZGroupName),
      count: z.number().int(),
    }),
  ),
});
export type TRemediationStats = z.infer<typeof ZRemediationStats>;

export const ZRemediationPoint = z.strictObject({
  date: ZIsoDate,
  /** The group (and its incident) that reported; null for a day several groups' reports add up to. */
  cohortId: ZId.nullable(),
  incidentId: ZId.nullable(),
  /** How many reports the point adds up (1 unless the answer is per day). */
  reports: z.number().int().min(1),
  doneDelta: z.number().int(),
  doneYenDelta: z.number().int(),
  cumulativeDone: z.number().int(),
  cumulativeDoneYen: z.number().int(),
});

export const ZRemediationTimelineQuery = ZStatsQuery.extend({
  /**
   * `day` adds up the reports of each day into one point: what a chart draws, in an answer the size of
   * the days reported, not of the reports (thousands at 100× the record).
   */
  per: z.enum(["report", "day"]).default("report"),
});

/**
 * Progress over time, one series per purpose and population: letters sent are never added to money put
 * right, and a notification series carries no yen.
 */
export const ZRemediationTimeline = z.strictObject({
  scope: ZScope,
  series: z.array(
    z.strictObject({
      purpose: ZCohortPurpose,
      populationId: ZId,
      points: z.array(ZRemediationPoint),
    }),
  ),
  /** The groups the points name, so a table of the points needs no list of every group. */
  groups: z.array(ZGroupName),
});
export type TRemediationTimeline = z.infer<typeof ZRemediationTimeline>;

export const ZCommitmentStats = z.strictObject({
  asOf: ZIsoDate,
  byStatus: z.array(z.strictObject({ status: ZCommitmentStatus, count: z.number().int() })),
  total: z.number().int(),
  overdue: z.number().int(),
  dueWithin14Days: z.number().int(),
  withoutDueDate: z.number().int(),
});
export type TCommitmentStats = z.infer<typeof ZCommitmentStats>;

export const ZCommitmentStatsQuery = ZStatsQuery.extend({ owedBy: ZId.optional() });

export const ZMilestoneInterval = z.strictObject({
  incidentId: ZId,
  fromMilestoneId: ZId,
  toMilestoneId: ZId,
  fromKind: ZMilestoneKind,
  toKind: ZMilestoneKind,
  fromDate: ZIsoDate,
  toDate: ZIsoDate,
  days: z.number().int(),
  /** True when either end comes from outside the organisation's record. */
  outsideRecord: z.boolean(),
});
export type TMilestoneInterval = z.infer<typeof ZMilestoneInterval>;

export const ZIntervalStats = z.strictObject({
  scope: ZScope,
  /** Consecutive steps of each incident's timeline, in date order. */
  steps: z.array(ZMilestoneInterval),
  /** Spans a board asks about: from occurrence/detection to the report to the organisation and to the board. */
  spans: z.array(ZMilestoneInterval),
  /** Per case: its first and last dated milestone and the days between (never across cases). */
  cases: z.array(
    z.strictObject({
      caseId: ZId,
      firstDate: ZIsoDate.nullable(),
      lastDate: ZIsoDate.nullable(),
      days: z.number().int().nullable(),
    }),
  ),
  /**
   * Every milestone of the incidents in scope as of the day, each incident's in timeline order (date,
   * then kind): the course of every case in one answer, month-only dates included.
   */
  milestones: z.array(ZMilestone.extend({ incidentId: ZId })),
});
export type TIntervalStats = z.infer<typeof ZIntervalStats>;

/** A document's name, for a source line (the rest of the document is one link away). */
export const ZDocumentName = z.strictObject({
  id: ZId,
  label: ZText,
  title: ZText,
  outsideRecord: z.boolean(),
});
export type TDocumentName = z.infer<typeof ZDocumentName>;

export const ZCaseTimelineQuery = ZStatsQuery.extend({
  /** Cases shown (the latest added in scope); the rest are counted, and one link away. */
  cases: z.coerce.number().int().min(1).max(50).default(CASE_TIMELINE_CASES),
  /** Incidents shown per case (in number order); the rest are counted. */
  incidents: z.coerce.number().int().min(1).max(50).default(CASE_TIMELINE_INCIDENTS),
});

/** The 年度 that have an incident, newest first: the overview's choice of year, one small answer. */
export const ZFiscalYears = z.strictObject({ years: z.array(ZFiscalYear) });
export type TFiscalYears = z.infer<typeof ZFiscalYears>;

/**
 * The course of the cases in scope as the overview shows it, in one answer bounded by the screen, not by
 * the record: at most `cases` cases, each with at most `incidents` incidents, their milestones, steps and
 * spans, and the names of the documents those milestones cite (the table's 出典 column).
 */
export const ZCaseTimeline = z.strictObject({
  scope: ZScope,
  /** Cases in scope; `cases` holds the latest added of them, in the record's order. */
  totalCases: z.number().int().min(0),
  cases: z.array(
    z.strictObject({
      caseId: ZId,
      title: ZText,
      /** Its first and last dated milestone and the days between (never across cases). */
      firstDate: ZIsoDate.nullable(),
      lastDate: ZIsoDate.nullable(),
      days: z.number().int().nullable(),
      /** The case's incidents in scope; `incidents` holds the first of them. */
      totalIncidents: z.number().int().min(0),
      incidents: z.array(
        z.strictObject({
          incidentId: ZId,
          number: z.number().int(),
          title: ZText,
          /** Every milestone in timeline order (date, then kind), month-only dates included. */
          milestones: z.array(ZMilestone),
          steps: z.array(ZMilestoneInterval),
          spans: z.array(ZMilestoneInterval),
        }),
      ),
    }),
  ),
  documents: z.array(ZDocumentName),
});
export type TCaseTimeline = z.infer<typeof ZCaseTimeline>;

/** One line of the board's portfolio: a case at a glance. */
export const ZCaseLine = z.strictObject({
  caseId: ZId,
  title: ZText,
  status: ZCaseStatus,
  incidents: z.number().int(),
  openIncidents: z.number().int(),
  vendorIds: z.array(ZId),
  firstDate: ZPartialDate.nullable(),
  affected: z.array(ZImpactTotal),
  /** Figures from outside the record, never in `affected`. */
  outside: z.array(ZOutsideFigure),
  remediation: z.array(ZRemediationTotals),
  openCommitments: z.number().int(),
  overdueCommitments: z.number().int(),
  nextDeadline: z
    .strictObject({ dueDate: ZIsoDate, rule: ZDeadlineRule, label: ZText, overdue: z.boolean() })
    .nullable(),
  /** The documents its figures come from (the source line names them). */
  documentIds: z.array(ZId),
  /**
   * The keys (unit and population) of its figures that more than one of its incidents reports: their
   * totals may count one person twice (延べ). Absent from snapshots taken before it existed.
   */
  countedTwice: z.array(z.string()).optional(),
});
export type TCaseLine = z.infer<typeof ZCaseLine>;

export const ZOverviewQuery = ZStatsQuery.extend({
  /**
   * Case lines listed in `portfolio` (the first, in scope order); `cases.total` counts them all. Without
   * it, every line: the overview asks for the lines it shows.
   */
  lines: z.coerce.number().int().min(1).max(LARGEST_PAGE).optional(),
  /**
   * Incidents listed in `affected.byIncident` (the first, in number order); `affected.incidentCount`
   * counts them all. Without it, every incident.
   */
  incidents: z.coerce.number().int().min(1).max(LARGEST_PAGE).optional(),
});

export const ZOverview = z.strictObject({
  scope: ZScope,
  asOf: ZIsoDate,
  cases: z.strictObject({ total: z.number().int(), open: z.number().int() }),
  portfolio: z.array(ZCaseLine),
  incidents: z.strictObject({ total: z.number().int(), open: z.number().int() }),
  affected: z.strictObject({
    totals: z.array(ZImpactTotal),
    outside: z.array(ZOutsideFigure),
    byIncident: z.array(
      z.strictObject({
        incidentId: ZId,
        caseId: ZId,
        number: z.number().int(),
        title: ZText,
        totals: z.array(ZImpactTotal),
      }),
    ),
    /**
     * How many incidents `byIncident` would list unbounded. The keys of the totals more than one incident
     * reports (延べ). The numbers of the incidents the outside figures cite. Absent from snapshots
     * taken before they existed (whose `byIncident` is whole, and gives all three).
     */
    incidentCount: z.number().int().optional(),
    countedTwice: z.array(z.string()).optional(),
    outsideNumbers: z.record(ZId, z.number().int()).optional(),
  }),
  remediation: z.array(ZRemediationTotals),
  commitments: z.strictObject({
    total: z.number().int(),
    open: z.number().int(),
    vendorReportedDone: z.number().int(),
    verified: z.number().int(),
    overdue: z.number().int(),
  }),
  latestMeeting: z.strictObject({ id: ZId, date: ZIsoDate, title: ZText }).nullable(),
  /** The documents the figures in scope come from, for the source line. */
  documentIds: z.array(ZId),
  /**
   * The names of the documents the figures show: those the source line names (SOURCES_SHOWN at most, the
   * record's first) and those the figures from outside the record cite. The overview needs no list of
   * every document. Absent from snapshots taken before it existed.
   */
  sources: z.array(ZDocumentName).default([]),
});
export type TOverview = z.infer<typeof ZOverview>;

export const ZVendorScorecardQuery = z.strictObject({
  fiscalYear: z.coerce.number().pipe(ZFiscalYear).optional(),
  asOf: ZIsoDate.optional(),
});

export const ZVendorScorecard = z.strictObject({
  vendorId: ZId,
  fiscalYear: ZFiscalYear,
  incidents: z.number().int(),
  /** The incidents counted, in number order, so every figure of the card can be traced to them. */
  incidentIds: z.array(ZId),
  /** Of them, incidents at one of its subcontractors (it is on the chain above where it happened). */
  incidentsViaSubcontractors: z.number().int(),
  affected: z.array(ZImpactTotal),
  incidentsWithUnreportedCounts: z.number().int(),
  /** Median days, null when no incident has both dates. */
  medianDaysDetectionToOrganisation: z.number().nullable(),
  medianDaysOccurrenceToOrganisation: z.number().nullable(),
  medianDaysToBoard: z.number().nullable(),
  remediation: z.array(ZRemediationTotals),
  commitments: z.number().int(),
  /** Of them, those with a due date: without one, "kept on time" cannot be judged. */
  commitmentsWithDueDate: z.number().int(),
  /** Verified by the organisation and reported done by the due date (the vendor's word alone is not enough). */
  commitmentsKeptOnTime: z.number().int(),
  commitmentsOverdue: z.number().int(),
  regulatoryActionsLast24Months: z.number().int(),
});
export type TVendorScorecard = z.infer<typeof ZVendorScorecard>;

export const ZVendorScorecards = z.strictObject({ asOf: ZIsoDate, rows: z.array(ZVendorScorecard) });
