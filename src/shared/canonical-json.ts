/*
 * JSON with object keys sorted at every level and undefined members dropped: two values that mean the same
 * (whatever their key order, or a jsonb round trip) have the same text. The audit chain hashes this text,
 * so its output must never change: src/shared/canonical-json.test.ts pins it.
 */

export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
};

/** Equality of two JSON values, independent of key order. */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
