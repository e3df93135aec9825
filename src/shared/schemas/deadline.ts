import { z } from "zod";
import { ZId, ZIsoDate, ZSourceRef, ZText } from "./common";
import { ZDayCounting } from "./settings";

/*
 * Due dates the board can check: the vendor's promised dates (commitments) and the statutory rules of
 * ../shared/seed/CONTEXT.md, turned into dates with the day-counting setting.
 */

export const ZDeadlineRule = z.enum([
  "APPI_PRELIM",
  "APPI_FINAL",
  "APPI_NOTICE",
  "INS_FSA_LEAK",
  "FSA_PLAN",
  "BOARD_REPORT",
  "VENDOR_PROMISE",
]);
export type TDeadlineRule = z.infer<typeof ZDeadlineRule>;

export const ZDeadlineState = z.enum([
  /** Done on or before the due date. */
  "met",
  /** Done, after the due date. */
  "late",
  /** Not done and the due date has passed. */
  "overdue",
  /** Not done; due within the window (14 days by default). */
  "due_soon",
  /** Not done; due later than the window. */
  "upcoming",
  /** Whether and when it was done is not reported (the vendor never gave the date). */
  "not_reported",
  /** Done; the rule fixes no day to judge it against ("promptly"). */
  "done_no_due",
]);
export type TDeadlineState = z.infer<typeof ZDeadlineState>;

export const ZDeadlineMissing = z.enum(["start_date", "done_date"]);
export type TDeadlineMissing = z.infer<typeof ZDeadlineMissing>;

/** Whose duty the clock is: the organisation's own filing or notice, or a vendor's. */
export const ZDeadlineOwner = z.enum(["organisation", "vendor"]);
export type TDeadlineOwner = z.infer<typeof ZDeadlineOwner>;

export const ZDeadline = z.strictObject({
  /** Stable: rule + the record it applies to. */
  key: z.string(),
  rule: ZDeadlineRule,
  owner: ZDeadlineOwner,
  caseId: ZId.nullable(),
  incidentId: ZId.nullable(),
  commitmentId: ZId.nullable(),
  /** The vendors that owe it (every one of them, in the record's order); empty for the organisation's own. */
  vendorIds: z.array(ZId),
  regulatoryActionId: ZId.nullable(),
  /** What is due. */
  label: ZText,
  /** The day the clock starts (learning of the incident, the order, the last board report). */
  startDate: ZIsoDate.nullable(),
  /**
   * BOARD_REPORT only: what started it — the last time the board heard of the incident (a meeting that
   * took it up, a reported_to_board milestone), or, the board never having heard of it, the day the
   * organisation learned of it. The page must not call the latter a board report.
   */
  startEvent: z.enum(["board_report", "learned"]).optional(),
  dueDate: ZIsoDate.nullable(),
  /** The due date comes from a guideline ("about 3–5 days"), not a fixed day in the law. */
  guideline: z.boolean(),
  /** When it was done, as the record reports it; null when not done or not reported. */
  doneDate: ZIsoDate.nullable(),
  state: ZDeadlineState,
  /**
   * With `not_reported`: what the record lacks to judge it — the day the clock starts (the vendor gave no
   * day of detection, or only a month) or the day it was done. Null otherwise.
   */
  missing: ZDeadlineMissing.nullable().default(null),
  /** Days from the reference date to the due date (negative when past); null without a due date. */
  daysLeft: z.number().int().nullable(),
  /** Where the rule is written (law, guideline, order, the vendor's own words). */
  basis: ZText,
  source: ZSourceRef.nullable(),
});
export type TDeadline = z.infer<typeof ZDeadline>;

export const ZDeadlineQuery = z.strictObject({
  asOf: ZIsoDate.optional(),
  withinDays: z.coerce.number().int().min(1).max(365).default(14),
  caseId: ZId.optional(),
  incidentId: ZId.optional(),
  /** Only the clocks of this owner (the board's own filings, or its vendors'). */
  owner: ZDeadlineOwner.optional(),
  /** Deadlines are many at 100× the record: a page of them, most pressing first. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ZDeadlines = z.strictObject({
  asOf: ZIsoDate,
  withinDays: z.number().int(),
  dayCounting: ZDayCounting,
  counts: z.strictObject({
    overdue: z.number().int().min(0),
    dueSoon: z.number().int().min(0),
    notReported: z.number().int().min(0),
  }),
  /** How many deadlines the query matches; `items` is the page of them asked for. */
  total: z.number().int().min(0),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(ZDeadline),
});
export type TDeadlines = z.infer<typeof ZDeadlines>;
