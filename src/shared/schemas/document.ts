import { z } from "zod";
import { versionField, ZId, ZPartialDate, ZText, ZUrl } from "./common";

export const ZDocumentKind = z.enum([
  /** The organisation's own notice to its people. */
  "organisation_notice",
  "public_announcement",
  "report",
  "apology_letter",
  "apology",
  /** A news report (報道). */
  "press",
  /** A publication by someone else than the vendor or a regulator (公表): an industry body, another client. */
  "publication",
  "regulator",
  /** Minutes of the organisation's own meetings (議事録). */
  "minutes",
  "other",
]);
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

export const ZSourceDocument = z.strictObject({
  id: ZId,
  /** The organisation's own numbering (資料3, 議事録…); external sources get a short label. */
  label: ZText,
  title: ZText,
  kind: ZDocumentKind,
  /** Parties (organisation or vendor ids) that issued it; empty for external publishers. */
  issuerIds: z.array(ZId),
  publisher: ZText.nullable(),
  /** null when the document carries no date. */
  date: ZPartialDate.nullable(),
  /** Where it can be read (a web page, the organisation's file server); null when not online. */
  url: ZUrl.nullable().default(null),
  /** Published facts from outside the organisation's record (news, registers), shown apart, never summed. */
  outsideRecord: z.boolean(),
  /** What the document states, in the record's words. */
  statements: z.array(ZText),
  ...versionField,
});
export type TSourceDocument = z.infer<typeof ZSourceDocument>;

export const ZCitationKind = z.enum([
  "incident",
  "impact",
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
