import { z } from "zod";
import { versionField, ZId, ZIsoDate, ZSourceRef, ZText } from "./common";

export const ZVendorRole = z.enum(["insurer", "agency"]);
export type TVendorRole = z.infer<typeof ZVendorRole>;

/** Published actions by regulators; always outside the association's own record. */
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
  role: ZVendorRole,
  productIds: z.array(ZId),
  ...versionField,
});
export type TVendor = z.infer<typeof ZVendor>;

export const ZVendorDetail = ZVendor.extend({ regulatoryActions: z.array(ZRegulatoryAction) });
export type TVendorDetail = z.infer<typeof ZVendorDetail>;
