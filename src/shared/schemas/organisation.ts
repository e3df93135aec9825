import { z } from "zod";
import { ZId, ZText } from "./common";

export const ZOrganisation = z.strictObject({
  id: ZId,
  name: ZText,
  shortName: ZText,
  boardName: ZText,
  /** 年度 starts in April for Japanese associations; kept as data, not hard-coded in views. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;
