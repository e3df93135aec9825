import type { TPlainKey, TTranslate } from "@/i18n/message-types";

/**
 * The label of a value read from data that should be one of `values` (a stored record shown after a
 * conflict, an entry of a list), or null when it is not one: data is not trusted to match this client's
 * enumerations, and a label key is only ever built from a value the compiler knows has one.
 */
export const enumLabel =
  <V extends string>(t: TTranslate, values: readonly V[], key: (value: V) => TPlainKey) =>
  (value: unknown): string | null =>
    typeof value === "string" && (values as readonly string[]).includes(value) ? t(key(value as V)) : null;
