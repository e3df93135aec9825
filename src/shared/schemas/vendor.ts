import { z } from "zod";
import { versionField, ZId, ZIsoDate, ZSourceRef, ZText } from "./common";

/** Published actions by regulators; always outside the organisation's own record. */
export const ZRegulatoryAction = z.strictObject({
  id: ZId,
  vendorId: ZId,
  date: ZIsoDate,
  authority: ZText,
  action: ZText,
  amountYen: z.number().int().min(0).nullable(),
  planDueDate: ZIsoDate.nullable(),
  source: ZSourceRef,
});
export type TRegulatoryAction = z.infer<typeof ZRegulatoryAction>;

export const ZVendor = z.strictObject({
  id: ZId,
  name: ZText,
  shortName: ZText,
  /** One of the organisation's vendor kinds (insurer, printer, call centre…). */
  kindId: ZId,
  /**
   * The vendors it works for as a subcontractor (再委託先) on the organisation's behalf; empty when the
   * organisation contracts with it directly. Chains may be of any depth.
   */
  subcontractorOf: z.array(ZId).max(20),
  serviceIds: z.array(ZId),
  ...versionField,
});
export type TVendor = z.infer<typeof ZVendor>;

export const ZVendorDetail = ZVendor.extend({ regulatoryActions: z.array(ZRegulatoryAction) });
export type TVendorDetail = z.infer<typeof ZVendorDetail>;
