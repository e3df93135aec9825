import { z } from "zod";
import { versionField, ZId, ZPartialDate, ZText } from "./common";

export const ZDocumentKind = z.enum([
  "association_notice",
  "public_announcement",
  "report",
  "apology_letter",
  "apology",
  "press",
  "regulator",
]);
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

export const ZSourceDocument = z.strictObject({
  id: ZId,
  /** 資料1–5 as the association numbers them; external sources get a short label. */
  label: ZText,
  title: ZText,
  kind: ZDocumentKind,
  /** Parties (organisation or vendor ids) that issued it; empty for external publishers. */
  issuerIds: z.array(ZId),
  publisher: ZText.nullable(),
  /** null when the document carries no date (the association's notice is undated). */
  date: ZPartialDate.nullable(),
  /** Published facts from outside the association's record (CONTEXT.md), shown apart. */
  outsideRecord: z.boolean(),
  /** What the document states, in the record's words. */
  statements: z.array(ZText),
  ...versionField,
});
export type TSourceDocument = z.infer<typeof ZSourceDocument>;

export const ZCitationKind = z.enum([
  "incident",
  "milestone",
  "cohort",
  "progress",
  "commitment",
  "meeting",
  "regulatory_action",
]);

export const ZCitation = z.strictObject({
  kind: ZCitationKind,
  id: ZId,
  /** The incident / meeting / vendor page the citing record lives on. */
  parentId: ZId.nullable(),
  label: ZText,
});
export type TCitation = z.infer<typeof ZCitation>;

export const ZDocumentDetail = ZSourceDocument.extend({ citedBy: z.array(ZCitation) });
export type TDocumentDetail = z.infer<typeof ZDocumentDetail>;
