/*
 * The `{name}` placeholders of a catalog text, read from the text's own literal type (the catalogs are
 * `as const`), so the compiler knows which values a message needs. No imports: the English catalogs use
 * `TTwin` and must not reach the catalog loader (which imports them).
 */

/** The organisation's own words: `translate` fills them (setTerms); a caller never has to. */
export type TTermName = "org" | "board" | "people";

/** The names between braces in a text, as a union ("{n}名({date})" → "n" | "date"). */
export type TPlaceholders<S, Found = never> = S extends `${string}{${infer Name}}${infer Rest}`
  ? TPlaceholders<Rest, Found | Name>
  : Found;

/** The placeholders a caller must fill: all but the organisation's words. */
export type TCallerPlaceholders<S> = Exclude<TPlaceholders<S>, TTermName>;

/** The plural categories of `Intl.PluralRules` other than `other`, which every plural message has. */
export type TPluralForm = Exclude<Intl.LDMLPluralRule, "other">;

type TIntersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** A text containing every one of the names, in any order (`never`: any text). */
type TContaining<Names> = [Names] extends [never]
  ? string
  : TIntersect<Names extends string ? `${string}{${Names}}${string}` : never>;

/**
 * The Japanese catalog's English twin: the same keys, each text naming at least the placeholders its
 * Japanese text names (the caller fills the same values in either language), and for a plural message
 * (`x_other`) the forms English needs besides (`x_one`), each of which may spell the number out instead of
 * naming {n}. A placeholder only English names is caught by the catalogs' test, which a type cannot say.
 */
export type TTwin<J> = { readonly [K in keyof J]: TContaining<TCallerPlaceholders<J[K]>> } & {
  readonly [K in keyof J as K extends `${infer Base}_other` ? `${Base}_${TPluralForm}` : never]?: TContaining<
    Exclude<TCallerPlaceholders<J[K]>, "n">
  >;
};
