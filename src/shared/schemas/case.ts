import { z } from "zod";
import { pageQuery, versionField, ZFiscalYear, ZId, ZText } from "./common";

/*
 * A case (事案) groups the incidents the board follows together: one vendor event, or a series the
 * organisation reports and answers as one. Totals, day spans, timelines and portfolio lines are per case;
 * every page can be scoped to one.
 */

export const ZCaseStatus = z.enum(["open", "closed"]);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;

export const ZCase = z.strictObject({
  id: ZId,
  title: ZText,
  summary: ZText.nullable(),
  status: ZCaseStatus,
  ...versionField,
});
export type TCase = z.infer<typeof ZCase>;

/** The overview's and the lists' scope: cases (open ones by default), a vendor, a fiscal year (年度). */
export const ZScopeQuery = {
  caseId: ZId.optional(),
  /** `all` shows closed cases too; without a case, the scope is the open cases. */
  caseStatus: z.enum(["open", "closed", "all"]).default("open"),
  vendorId: ZId.optional(),
  fiscalYear: z.coerce.number().pipe(ZFiscalYear).optional(),
};

export const ZCaseListQuery = z.strictObject({ status: ZCaseStatus.optional(), ...pageQuery });
