import type { TCatalog, TMessageKey, TNamespace } from "./catalog";
import type { TCallerPlaceholders, TPlaceholders, TTermName } from "./placeholders";

/*
 * What each message needs from its caller, read from the Japanese catalog's literal texts: `t(key, vars)`
 * takes exactly the values its text names, so a missing value, a misspelt one, or values for a text with
 * none fail the typecheck. The organisation's words ({org}, {board}, {people}) are filled by `translate`;
 * a caller may still pass its own (optional) where the text names them.
 */

/** The Japanese text of a key (a union of texts for a union of keys). */
export type TMessageText<K> = K extends `${infer N}.${infer Name}`
  ? N extends TNamespace
    ? Name extends keyof TCatalog[N]
      ? TCatalog[N][Name]
      : never
    : never
  : never;

export type TVarValue = string | number;

/** Required names, then optional ones (the organisation's words; a plural's {n}). */
type TArgsOf<Required, Optional> = [Required] extends [never]
  ? [Optional] extends [never]
    ? []
    : [vars?: { [P in Optional & string]?: TVarValue }]
  : [vars: { [P in Required & string]: TVarValue } & { [P in Optional & string]?: TVarValue }];

/** The arguments after the key: none, or the values the text names. */
export type TMessageArgs<K extends TMessageKey> = TArgsOf<
  TCallerPlaceholders<TMessageText<K>>,
  Extract<TPlaceholders<TMessageText<K>>, TTermName>
>;

/** Keys whose texts need nothing from the caller (labels, headings): a table of labels holds these. */
export type TPlainKey = { [K in TMessageKey]: [] extends TMessageArgs<K> ? K : never }[TMessageKey];

export type TTranslate = <K extends TMessageKey>(key: K, ...args: TMessageArgs<K>) => string;

/*
 * Plurals: a counted message has one key per plural category of `Intl.PluralRules`, `x_other` always
 * (Japanese has only that one) and `x_one` etc. where a language needs them. Callers name the base `x` and
 * the count; {n} is the count, formatted, unless the caller gives its own.
 */
type TPluralBase<K> = K extends `${infer Base}_other` ? Base : never;

/** Base keys of counted messages ("common.people" for common.people_other). */
export type TPluralKey = TPluralBase<TMessageKey>;

export type TPluralArgs<B extends TPluralKey> = TArgsOf<
  Exclude<TCallerPlaceholders<TMessageText<`${B}_other`>>, "n">,
  Extract<TPlaceholders<TMessageText<`${B}_other`>>, TTermName> | "n"
>;

export type TTranslatePlural = <B extends TPluralKey>(
  key: B,
  count: number,
  ...args: TPluralArgs<B>
) => string;

declare const checked: unique symbol;

/**
 * A message chosen now and said later (a form error's words): a key with the values its text needs. Made
 * only by `message(key, vars)`, which checks them like a call of `t`; said with `tm`.
 */
export type TMessage = {
  readonly key: TMessageKey;
  readonly vars?: Readonly<Record<string, TVarValue>> | undefined;
  readonly [checked]: true;
};
