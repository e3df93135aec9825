import { z } from "zod";

/** Stable, URL-safe identifier: ids appear in URLs and must survive restarts. */
export const ZId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be lowercase letters, digits and hyphens (max 64)");
export type TId = z.infer<typeof ZId>;

/** Every text shown to a user exists in Japanese (the record's language) and English. */
export const ZText = z.strictObject({ ja: z.string().min(1).max(4000), en: z.string().min(1).max(4000) });
export type TText = z.infer<typeof ZText>;

/** Year 0000 exists for JavaScript but not for PostgreSQL's calendar (1 BC comes before AD 1): not storable. */
const isRealYear = (s: string) => !s.startsWith("0000");

const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return isRealYear(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
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

/** The exact value of a figure: none for approximate and not-reported figures (never 0); 0 for confirmed none. */
export const exactValue = (figure: TFigure | null | undefined): number | null => {
  if (!figure) return null;
  if (figure.status === "reported" || figure.status === "derived") return figure.value;
  return figure.status === "confirmed_none" ? 0 : null;
};

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

export const ZFiscalYear = z.number().int().min(1990).max(2100);

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
