import { z } from "zod";
import {
  FISCAL_YEAR_MAX,
  FISCAL_YEAR_MIN,
  ID_PATTERN,
  ISO_DATE_PATTERN,
  isRealDay,
  isRealYear,
} from "../values";

/** Stable, URL-safe identifier: ids appear in URLs and must survive restarts. */
export const ZId = z.string().regex(ID_PATTERN, "must be lowercase letters, digits and hyphens (max 64)");
export type TId = z.infer<typeof ZId>;

/** Every text shown to a user exists in Japanese (the record's language) and English. */
export const ZText = z.strictObject({ ja: z.string().min(1).max(4000), en: z.string().min(1).max(4000) });
export type TText = z.infer<typeof ZText>;

export const ZIsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, "must be a date YYYY-MM-DD")
  .refine(isRealDay, "must be a real calendar date");
export type TIsoDate = z.infer<typeof ZIsoDate>;

/**
 * Sources often give only a month (資料3 is dated "2025年8月"); a partial date keeps that
 * precision instead of inventing a day.
 */
export const ZPartialDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, "must be a date YYYY-MM-DD or a month YYYY-MM")
  .refine((s) => (s.length === 7 ? isRealYear(s) : isRealDay(s)), "must be a real calendar date");
export type TPartialDate = z.infer<typeof ZPartialDate>;

/**
 * Where a fact comes from: the document that states it, and the documents that statement relies on
 * (the association's notice summarises 資料2 and 資料4, for example).
 */
export const ZSourceRef = z.strictObject({
  documentId: ZId,
  cites: z.array(ZId).max(20),
});
export type TSourceRef = z.infer<typeof ZSourceRef>;

/**
 * A figure as the record knows it. "Not reported" is its own state, never 0; an approximate
 * statement ("数百万件") keeps its words and no invented number; a derived figure names its formula;
 * "confirmed none" (確認の結果なし) is what a source states after checking, distinct both from a figure
 * never reported and from a reported 0 (it counts as exactly 0 in a total).
 */
export const ZFigure = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("reported"), value: z.number().int().min(0), source: ZSourceRef }),
  z.strictObject({
    status: z.literal("approximate"),
    label: ZText,
    source: ZSourceRef,
  }),
  z.strictObject({
    status: z.literal("derived"),
    value: z.number().int().min(0),
    formula: ZText,
    source: ZSourceRef,
  }),
  z.strictObject({ status: z.literal("not_reported"), missing: ZText, source: ZSourceRef }),
  z.strictObject({ status: z.literal("confirmed_none"), source: ZSourceRef }),
]);
export type TFigure = z.infer<typeof ZFigure>;

/** An http(s) address of a source (a document's page, say); other schemes are refused. */
export const ZUrl = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be an http(s) address");

export const ZSourcedText = z.strictObject({ text: ZText, source: ZSourceRef });
export type TSourcedText = z.infer<typeof ZSourcedText>;

/**
 * Optimistic locking: every editable record carries the version it was read at; a write that names an
 * older one is refused (409) instead of silently overwriting someone else's change.
 */
export const ZVersion = z.number().int().min(1).max(2_147_483_647);

/** Records loaded from a dataset file start at version 1. */
export const versionField = { version: ZVersion.default(1) };

export const ZFiscalYear = z.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX);

/** Lists are paged even though the demo case is small: a vendor history grows every year. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const listOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int(),
    offset: z.number().int(),
  });
