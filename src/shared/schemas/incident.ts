import { z } from "zod";
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
  "billing_error",
  "duplicate_billing",
  "other",
]);
export type TIncidentCategory = z.infer<typeof ZIncidentCategory>;

export const ZMilestoneKind = z.enum([
  "occurred",
  "detected",
  "vendor_public_announcement",
  "association_member_notice",
  "reported_to_officers",
  "reported_to_association",
  "reported_to_board",
  "regulator_action",
  /** The vendor's reports to the regulator (APPI / Insurance Business Act), when it tells the association. */
  "regulator_preliminary_report",
  "regulator_final_report",
]);
export type TMilestoneKind = z.infer<typeof ZMilestoneKind>;

export const ZMilestone = z.strictObject({
  id: ZId,
  kind: ZMilestoneKind,
  date: ZPartialDate,
  /** Last day when a source gives a span (the intrusion ran 2025-04-17 to 04-21). */
  endDate: ZPartialDate.nullable(),
  note: ZText.nullable(),
  source: ZSourceRef,
  /** Copied from the source document so a view never has to look it up to mark it. */
  outsideRecord: z.boolean(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZAffectedByProduct = z.strictObject({ productId: ZId, count: ZFigure });

export const ZScopeStatement = z.strictObject({
  id: ZId,
  unit: z.enum(["records", "members"]),
  count: ZFigure,
  note: ZText.nullable(),
  outsideRecord: z.boolean(),
});

export const ZMisuse = z.strictObject({
  status: z.enum(["none_known", "confirmed", "not_reported"]),
  asOf: ZIsoDate.nullable(),
  source: ZSourceRef,
});

export const ZContact = z.strictObject({
  name: ZText,
  phone: z.string(),
  hours: ZText,
  source: ZSourceRef,
});

export const ZIncidentStatus = z.enum(["open", "closed"]);

export const ZIncident = z.strictObject({
  id: ZId,
  number: z.number().int().min(1),
  title: ZText,
  category: ZIncidentCategory,
  status: ZIncidentStatus,
  /** 年度 (April–March) of the earliest dated milestone. */
  fiscalYear: ZFiscalYear,
  vendorIds: z.array(ZId),
  summary: ZText,
  /** null = the sources do not name it (shown as 未報告). */
  system: ZSourcedText.nullable(),
  cause: ZSourcedText.nullable(),
  scope: z.array(ZScopeStatement),
  affected: z.array(ZAffectedByProduct),
  dataCategories: z.array(ZSourcedText),
  misuse: ZMisuse,
  milestones: z.array(ZMilestone),
  memberContact: ZContact.nullable(),
  documentIds: z.array(ZId),
  ...versionField,
});
export type TIncident = z.infer<typeof ZIncident>;

/** List rows carry what a table needs; the detail carries everything. */
export const ZIncidentSummary = ZIncident.pick({
  id: true,
  number: true,
  title: true,
  category: true,
  status: true,
  fiscalYear: true,
  vendorIds: true,
}).extend({
  /** null = not reported (some per-product count is missing or approximate). */
  affectedTotal: z.number().int().nullable(),
  firstDate: ZPartialDate.nullable(),
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;

export const ZIncidentListQuery = z.strictObject({
  vendorId: ZId.optional(),
  category: ZIncidentCategory.optional(),
  status: ZIncidentStatus.optional(),
  fiscalYear: z.coerce.number().pipe(ZFiscalYear).optional(),
  ...pageQuery,
});
export type TIncidentListQuery = z.infer<typeof ZIncidentListQuery>;
