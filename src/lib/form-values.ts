import { sameJson } from "@/shared/canonical-json";

/*
 * What the record forms do to their values that no form library knows about: the bilingual texts of the
 * record (English filled from Japanese, an optional note left blank is none) and the three-way merge that
 * re-applies one editor's changes over another's newer version after a 409.
 */

type TText = { ja: string; en: string };

/** An optional bilingual text (a note): both halves blank means none. */
export const textOrNull = (text: TText | null | undefined) =>
  !text || (text.ja.trim() === "" && text.en.trim() === "") ? null : text;

/** Every {ja, en} pair whose English is blank gets the Japanese, so the record is never half-written. */
export const fillBlankEnglish = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(fillBlankEnglish);
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 2 && typeof obj.ja === "string" && typeof obj.en === "string") {
    return obj.en.trim() === "" ? { ja: obj.ja, en: obj.ja } : obj;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = fillBlankEnglish(obj[k]);
  return out;
};

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

const sameKeys = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  sameJson(Object.keys(a).sort(), Object.keys(b).sort());

/**
 * The user's changes over the current values: a field the user left as it was (equal to `base`) takes
 * the current value; a changed one keeps the user's. Objects of the same shape on all three sides (a
 * {ja, en} text, a figure whose status did not change) are merged field by field, so one editor's
 * Japanese and another's English both survive; anything else (lists, a figure that changed its kind) is
 * taken whole, never stitched into something the schema would refuse. Equality ignores key order.
 */
export const mergeChanges = <V>(base: V, mine: V, current: V): V => {
  if (sameJson(mine, base)) return current;
  if (!isPlain(mine) || !isPlain(base) || !isPlain(current)) return mine;
  if (!sameKeys(mine, base) || !sameKeys(mine, current)) return mine;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(mine)) out[k] = mergeChanges(base[k], mine[k], current[k]);
  return out as V;
};
