import { z } from "zod";
import { versionField, ZId, ZPartialDate, ZSourceRef, ZText } from "./common";

/*
 * What a vendor does for the organisation: an insurance scheme, a mailing job, a call-centre service, a
 * system. People affected are counted per service and population.
 */

export const ZServiceKind = z.enum([
  "insurance_scheme",
  "mailing",
  "call_centre",
  "system",
  "outsourcing",
  "other",
]);
export type TServiceKind = z.infer<typeof ZServiceKind>;

export const ZServiceChange = z.strictObject({
  effective: ZPartialDate,
  description: ZText,
  source: ZSourceRef,
});

export const ZService = z.strictObject({
  id: ZId,
  name: ZText,
  kind: ZServiceKind,
  vendorIds: z.array(ZId),
  /** Whose people it serves by default (one of the organisation's populations). */
  populationId: ZId,
  changes: z.array(ZServiceChange),
  ...versionField,
});
export type TService = z.infer<typeof ZService>;
