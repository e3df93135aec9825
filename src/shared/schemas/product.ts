import { z } from "zod";
import { versionField, ZId, ZPartialDate, ZSourceRef, ZText } from "./common";

export const ZProductChange = z.strictObject({
  effective: ZPartialDate,
  description: ZText,
  source: ZSourceRef,
});

export const ZProduct = z.strictObject({
  id: ZId,
  name: ZText,
  vendorIds: z.array(ZId),
  changes: z.array(ZProductChange),
  ...versionField,
});
export type TProduct = z.infer<typeof ZProduct>;
