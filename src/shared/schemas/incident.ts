import { z } from "zod";
import { MILESTONE_KINDS } from "../values";
import {
  pageQuery,
  versionField,
  ZFigure,
  ZFiscalYear,
  ZId,
  ZIsoDate,
  ZPartialDate,
  ZSourcedText,
  ZSourceRef,
  ZText,
} from "./common";

export const ZIncidentCategory = z.enum([
  "unauthorized_access",
  /** Ransomware and other attacks that stop or encrypt systems. */
  "cyberattack",
  /** Mail, e-mail or fax sent to the wrong person. */
  "misdelivery",
  "loss_or_theft",
  "billing_error",
  "duplicate_billing",
  "system_outage",
  "improper_handling",
  "other",
]);
export type TIncidentCategory = z.infer<typeof ZIncidentCategory>;

export const ZMilestoneKind = z.enum(MILESTONE_KINDS);
export type TMilestoneKind = z.infer<typeof ZMilestoneKind>;

/** The kinds of milestone that are a vendor's notice, which may stand for the organisation's own. */
export const VENDOR_NOTICE_KINDS: readonly TMilestoneKind[] = [
  "vendor_public_announcement",
  "vendor_notice_to_people",
];

export const ZMilestone = z.strictObject({
  id: ZId,
  kind: ZMilestoneKind,
  date: ZPartialDate,
  /** Last day when a source gives a span (the intrusion ran 2025-04-17 to 04-21). */
  endDate: ZPartialDate.nullable(),
  note: ZText.nullable(),
  /**
   * For a vendor's announcement or notice: the secretariat confirmed that it reached the organisation's own
   * people, so it counts as the organisation's notice too. A vendor's notice to its other clients does not.
   */
  coversOurPeople: z.boolean().default(false),
  source: ZSourceRef,
  /** Copied from the source document so a view never has to look it up to mark it. */
  outsideRecord: z.boolean(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

/** People are counted in 名, records in 件: two figures, never one sum. */
export const ZImpactUnit = z.enum(["people", "records"]);
export type TImpactUnit = z.infer<typeof ZImpactUnit>;

/**
 * `ours`: the organisation's own people or records. `vendor_wide`: the whole extent at the vendor, all its
 * clients included (数百万件), shown for context and never added to the organisation's figures.
 */
export const ZImpactScope = z.enum(["ours", "vendor_wide"]);

/**
 * Who or what was affected, per service and population, in one unit. A figure whose source is outside the
 * organisation's record (a press article) is kept beside the record's figures and never summed into them.
 * An entry without a service is the whole for its population and unit; entries per service are its parts
 * (summed when no whole is given).
 */
export const ZImpact = z.strictObject({
  id: ZId,
  scope: ZImpactScope,
  /** The service through which they were affected; null: across services (or the source names none). */
  serviceId: ZId.nullable(),
  /** Whose people (one of the organisation's populations); null for records not tied to a population. */
  populationId: ZId.nullable(),
  unit: ZImpactUnit,
  count: ZFigure,
  note: ZText.nullable(),
  outsideRecord: z.boolean(),
});
export type TImpact = z.infer<typeof ZImpact>;

/**
 * A total of the record's own figures for one unit and population: `value` is exact only when every
 * part is (`complete`); the parts that are not reported or only approximate are counted apart.
 */
export const ZImpactTotal = z.strictObject({
  unit: ZImpactUnit,
  populationId: ZId.nullable(),
  /** Sum of the exact parts (a confirmed none adds 0). */
  value: z.number().int().min(0),
  /** Every part is exact: `value` is the total, not a floor. */
  complete: z.boolean(),
  /** Parts not reported or approximate: the total is at least `value`. */
  unreportedParts: z.number().int().min(0),
  /** Every part says no one / nothing was affected (確認の結果なし). */
  confirmedNone: z.boolean(),
});
export type TImpactTotal = z.infer<typeof ZImpactTotal>;

/** Whose personal data it was decides whose reporting duty it is under APPI. */
export const ZDataRole = z.enum([
  /** The organisation's data handled by the vendor for it: the organisation reports (as 委託元). */
  "entrusted_by_organisation",
  /** The vendor's own customer data (an insurer's policyholders): the vendor reports; the board checks. */
  "vendor_own",
  /** No personal data involved. */
  "none",
]);
export type TDataRole = z.infer<typeof ZDataRole>;

export const ZMisuse = z.strictObject({
  status: z.enum(["none_known", "confirmed", "not_reported"]),
  asOf: ZIsoDate.nullable(),
  source: ZSourceRef,
});

/** Where the affected people can ask: a phone number, hours, or just a name (a web form, an address). */
export const ZContact = z.strictObject({
  name: ZText,
  phone: z.string().max(40).nullable(),
  hours: ZText.nullable(),
  source: ZSourceRef,
});

export const ZIncidentStatus = z.enum(["open", "closed"]);

export const ZIncident = z.strictObject({
  id: ZId,
  number: z.number().int().min(1),
  /** The case (事案) the board follows it in. */
  caseId: ZId,
  title: ZText,
  category: ZIncidentCategory,
  status: ZIncidentStatus,
  /** 年度 of the earliest dated milestone (the form proposes it from that date). */
  fiscalYear: ZFiscalYear,
  /** The vendors answerable for it (the chain's, and any other that shares the blame). */
  vendorIds: z.array(ZId),
  /**
   * How the organisation is exposed: its own contractor first, then each subcontractor (再委託先) down to
   * the vendor where it happened, which is last. Empty only in a record that does not know it yet (every
   * draft names one).
   */
  chain: z.array(ZId).max(10),
  dataRole: ZDataRole,
  summary: ZText,
  /** null = the sources do not name it (shown as 未報告). */
  system: ZSourcedText.nullable(),
  cause: ZSourcedText.nullable(),
  impact: z.array(ZImpact),
  dataCategories: z.array(ZSourcedText),
  misuse: ZMisuse,
  milestones: z.array(ZMilestone),
  contact: ZContact.nullable(),
  documentIds: z.array(ZId),
  ...versionField,
});
export type TIncident = z.infer<typeof ZIncident>;

/** List rows carry what a table needs; the detail carries everything. */
export const ZIncidentSummary = ZIncident.pick({
  id: true,
  number: true,
  caseId: true,
  title: true,
  category: true,
  status: true,
  fiscalYear: true,
  vendorIds: true,
  chain: true,
}).extend({
  /** People affected per population and records, each its own total (outside figures left out). */
  affected: z.array(ZImpactTotal),
  firstDate: ZPartialDate.nullable(),
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;

export const ZIncidentListQuery = z.strictObject({
  caseId: ZId.optional(),
  vendorId: ZId.optional(),
  category: ZIncidentCategory.optional(),
  status: ZIncidentStatus.optional(),
  fiscalYear: z.coerce.number().pipe(ZFiscalYear).optional(),
  ...pageQuery,
});
export type TIncidentListQuery = z.infer<typeof ZIncidentListQuery>;
