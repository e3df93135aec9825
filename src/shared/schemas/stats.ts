import { z } from "zod";
import { ZCohortStatus } from "./cohort";
import { ZCommitmentStatus } from "./commitment";
import { ZFigure, ZFiscalYear, ZId, ZIsoDate, ZText } from "./common";
import { ZMilestoneKind } from "./incident";

/** Aggregates take an optional reference date so that "overdue" is reproducible. */
export const ZAsOfQuery = z.strictObject({ asOf: ZIsoDate.optional() });

export const ZAffectedStats = z.strictObject({
  incidents: z.array(
    z.strictObject({
      incidentId: ZId,
      number: z.number().int(),
      title: ZText,
      /** Sum of the per-product counts; null (not reported) when any part is not an exact figure. */
      total: z.number().int().nullable(),
      byProduct: z.array(z.strictObject({ productId: ZId, productName: ZText, count: ZFigure })),
    }),
  ),
  byProduct: z.array(
    z.strictObject({
      productId: ZId,
      productName: ZText,
      reportedTotal: z.number().int(),
      incidentCount: z.number().int(),
    }),
  ),
  /** 延べ: members can appear in more than one incident, so this is a count of cases, not people. */
  cumulativeReported: z.number().int(),
  incidentsWithUnreportedCounts: z.number().int(),
});
export type TAffectedStats = z.infer<typeof ZAffectedStats>;

export const ZCohortCompletion = z.strictObject({
  cohortId: ZId,
  parentId: ZId.nullable(),
  purpose: z.enum(["financial", "notification"]),
  incidentId: ZId,
  incidentNumber: z.number().int(),
  label: ZText,
  status: ZCohortStatus,
  members: z.number().int().nullable(),
  /** Members put right per the latest reported progress; null = not reported. */
  done: z.number().int().nullable(),
  /** Members still being put right when the vendor reported a partial count. */
  remaining: z.number().int().nullable(),
  /** Members whose state the vendor has not reported. */
  notReported: z.number().int(),
  amountPerMemberYen: z.number().int().nullable(),
  owedYen: z.number().int().nullable(),
  doneYen: z.number().int().nullable(),
  lastReportDate: z.string().nullable(),
});
export type TCohortCompletion = z.infer<typeof ZCohortCompletion>;

export const ZRemediationTotals = z.strictObject({
  members: z.number().int(),
  done: z.number().int(),
  remaining: z.number().int(),
  notReported: z.number().int(),
  owedYen: z.number().int(),
  doneYen: z.number().int(),
  /** Yen of cohorts whose per-member amount is not reported, so the yen totals are a floor. */
  membersWithUnknownAmount: z.number().int(),
});

export const ZRemediationStats = z.strictObject({
  /** Top-level cohorts and their sub-groups (parentId set); totals count top-level cohorts only. */
  cohorts: z.array(ZCohortCompletion),
  financial: ZRemediationTotals,
  notification: ZRemediationTotals,
});
export type TRemediationStats = z.infer<typeof ZRemediationStats>;

export const ZRemediationTimeline = z.strictObject({
  points: z.array(
    z.strictObject({
      date: ZIsoDate,
      cohortId: ZId,
      incidentId: ZId,
      doneDelta: z.number().int(),
      doneYenDelta: z.number().int(),
      cumulativeDone: z.number().int(),
      cumulativeDoneYen: z.number().int(),
    }),
  ),
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

export const ZMilestoneInterval = z.strictObject({
  incidentId: ZId,
  fromMilestoneId: ZId,
  toMilestoneId: ZId,
  fromKind: ZMilestoneKind,
  toKind: ZMilestoneKind,
  fromDate: ZIsoDate,
  toDate: ZIsoDate,
  days: z.number().int(),
  /** True when either end comes from outside the association's record. */
  outsideRecord: z.boolean(),
});
export type TMilestoneInterval = z.infer<typeof ZMilestoneInterval>;

export const ZIntervalStats = z.strictObject({
  /** Consecutive steps of each incident's timeline, in date order. */
  steps: z.array(ZMilestoneInterval),
  /** Spans a board asks about: from occurrence/detection to the report to the association and to the board. */
  spans: z.array(ZMilestoneInterval),
});
export type TIntervalStats = z.infer<typeof ZIntervalStats>;

export const ZOverview = z.strictObject({
  asOf: ZIsoDate,
  incidents: z.strictObject({ total: z.number().int(), open: z.number().int() }),
  affected: z.strictObject({
    cumulativeReported: z.number().int(),
    byIncident: z.array(
      z.strictObject({
        incidentId: ZId,
        number: z.number().int(),
        title: ZText,
        total: z.number().int().nullable(),
      }),
    ),
  }),
  remediation: z.strictObject({ financial: ZRemediationTotals, notification: ZRemediationTotals }),
  commitments: z.strictObject({
    total: z.number().int(),
    open: z.number().int(),
    vendorReportedDone: z.number().int(),
    verified: z.number().int(),
    overdue: z.number().int(),
  }),
  latestMeeting: z.strictObject({ id: ZId, date: ZIsoDate, title: ZText }).nullable(),
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
  membersAffectedReported: z.number().int(),
  incidentsWithUnreportedCounts: z.number().int(),
  /** Median days, null when no incident has both dates. */
  medianDaysDetectionToAssociation: z.number().nullable(),
  medianDaysOccurrenceToAssociation: z.number().nullable(),
  medianDaysToBoard: z.number().nullable(),
  remediationMembers: z.number().int(),
  remediationDone: z.number().int(),
  remediationNotReported: z.number().int(),
  commitments: z.number().int(),
  commitmentsKeptOnTime: z.number().int(),
  commitmentsOverdue: z.number().int(),
  regulatoryActionsLast24Months: z.number().int(),
});
export type TVendorScorecard = z.infer<typeof ZVendorScorecard>;

export const ZVendorScorecards = z.strictObject({ asOf: ZIsoDate, rows: z.array(ZVendorScorecard) });
