import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { LANG_COOKIE } from "@/shared/boot-key";
import {
  LANG_STORAGE_KEY,
  LANGS,
  loadLanguage,
  lookupMessage,
  type TLang,
  type TMessageKey,
  type TNamespace,
} from "./catalog";
import { formatDate, formatNumber, pluralCategory } from "./format";
import type {
  TMessage,
  TMessageArgs,
  TPluralArgs,
  TPluralKey,
  TTranslate,
  TTranslatePlural,
} from "./message-types";
import type { TTermName } from "./placeholders";

const STORAGE_KEY = LANG_STORAGE_KEY;

/** Values for a text's placeholders, unchecked: only this module and its typed entry points use it. */
type TVars = Record<string, string | number>;

const find = (lang: TLang, key: string): string | undefined => {
  const dot = key.indexOf(".");
  return lookupMessage(lang, key.slice(0, dot) as TNamespace, key.slice(dot + 1));
};

const lookup = (lang: TLang, key: string): string => find(lang, key) ?? key;

/**
 * The organisation's own words, which catalog texts name as {org}, {board} and {people}: no text names one
 * organisation, its board or the people it serves. Set from the organisation's settings when they load.
 */
export type TTerms = Record<TLang, Record<TTermName, string>>;

const DEFAULT_TERMS: TTerms = {
  ja: { org: "本会", board: "理事会", people: "会員" },
  en: { org: "the organisation", board: "board", people: "members" },
};
let terms: TTerms = DEFAULT_TERMS;

/** Replaces the organisation's words (the app shell calls it when the settings arrive). */
export const setTerms = (next: TTerms | null) => {
  terms = next ?? DEFAULT_TERMS;
};

const termsKeyNow = () => JSON.stringify(terms);

const TERM_FIRST = /^\{(org|board|people)\}/;

const fill = (lang: TLang, text: string, vars: TVars | undefined) => {
  if (!text.includes("{")) return text;
  const all: TVars = { ...terms[lang], ...vars };
  const filled = text.replace(/\{(\w+)\}/g, (m, name: string) => (name in all ? String(all[name]) : m));
  // English words for the organisation are written for the middle of a sentence ("verified by the
  // organisation"); a text that starts with one starts with a capital.
  return lang === "en" && TERM_FIRST.test(text) ? filled.charAt(0).toUpperCase() + filled.slice(1) : filled;
};

/** A catalog text with its values filled in; the key decides which values (see TMessageArgs). */
export const translate = <K extends TMessageKey>(lang: TLang, key: K, ...[vars]: TMessageArgs<K>) =>
  fill(lang, lookup(lang, key), vars as TVars | undefined);

/**
 * A counted text in the form the count takes in the language (Intl.PluralRules: "1 person", "2 people";
 * Japanese has one form). A language without that form's text uses its `_other` text.
 */
export const translatePlural = <B extends TPluralKey>(
  lang: TLang,
  base: B,
  count: number,
  ...[vars]: TPluralArgs<B>
) => {
  const text = find(lang, `${base}_${pluralCategory(count, lang)}`) ?? lookup(lang, `${base}_other`);
  return fill(lang, text, { n: formatNumber(count, lang), ...vars });
};

/** A message to say later, its values checked now as `t` checks them. */
export const message = <K extends TMessageKey>(key: K, ...[vars]: TMessageArgs<K>): TMessage =>
  ({ key, vars }) as unknown as TMessage;

/** A message chosen earlier (a form error's words), said now. */
export const translateMessage = (lang: TLang, message: TMessage) =>
  fill(lang, lookup(lang, message.key), message.vars);

const CALLER_PLACEHOLDER = /\{(?!(?:org|board|people)\})\w+\}/;

/**
 * A text whose key comes from data (an audit entry's field name, a status stored in a record), or
 * undefined when the catalog has no such text or the text needs values the caller cannot give.
 */
export const translateKnown = (lang: TLang, key: string): string | undefined => {
  const text = find(lang, key);
  return text === undefined || CALLER_PLACEHOLDER.test(text) ? undefined : fill(lang, text, undefined);
};

const makeFormatters = (lang: TLang) => {
  const n = (value: number, digits = 0) => formatNumber(value, lang, digits);
  return {
    number: n,
    date: (date: string) => formatDate(date, lang),
    people: (value: number) => translatePlural(lang, "common.people", value),
    records: (value: number) => translatePlural(lang, "common.records", value),
    yen: (value: number) => translate(lang, "common.yen", { n: n(value) }),
    days: (value: number) => translatePlural(lang, "common.days", value, { n: n(value, 1) }),
    percent: (value: number) => translate(lang, "common.percent", { n: n(value, 1) }),
    fiscalYear: (year: number) => translate(lang, "common.fiscalYear", { n: String(year) }),
  };
};

export type TFormatters = ReturnType<typeof makeFormatters>;

type TI18n = {
  lang: TLang;
  setLang: (lang: TLang) => void;
  /** The organisation's words for {org}, {board}, {people} (null: the neutral defaults). */
  setTerms: (next: TTerms | null) => void;
  t: TTranslate;
  /** A counted text: `tp("common.people", 3)` → "3名" / "3 people". */
  tp: TTranslatePlural;
  /** A message chosen earlier, with its values (TMessage). */
  tm: (message: TMessage) => string;
  /** Picks the current language's side of a bilingual record text. */
  tx: (text: { ja: string; en: string }) => string;
  f: TFormatters;
};

const I18nContext = createContext<TI18n | null>(null);

const readStoredLang = (): TLang => {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return (LANGS as readonly string[]).includes(stored ?? "") ? (stored as TLang) : "ja";
  } catch {
    return "ja";
  }
};

export const I18nProvider = ({ children, initialLang }: { children: ReactNode; initialLang?: TLang }) => {
  const [lang, setLangState] = useState<TLang>(() => initialLang ?? readStoredLang());
  /*
   * A new set of organisation words re-renders every text that names them. The key starts from the
   * words already set (src/app/app.tsx sets them before adopting the server's page), so the app shell
   * handing over the same words once more re-renders nothing: a whole page at once, 25–40 ms at 1×.
   */
  const [termsKey, setTermsKey] = useState(termsKeyNow);
  const applyTerms = useCallback((next: TTerms | null) => {
    setTerms(next);
    setTermsKey(termsKeyNow());
  }, []);
  const setLang = useCallback((next: TLang) => {
    // Only the current language's strings are loaded: switching waits for the other's to arrive.
    void loadLanguage(next).then(() => setLangState(next));
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit only.
    }
    // The server draws the first screen in this language too (LANG_COOKIE).
    if (typeof document !== "undefined") {
      // biome-ignore lint/suspicious/noDocumentCookie: one fixed name, a value from a closed list; the Cookie Store API is missing in Safari before 18.4
      document.cookie = `${LANG_COOKIE}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    }
  }, []);
  // A visitor who chose English earlier starts before the English strings arrive: re-render once they do.
  const [enLoaded, setEnLoaded] = useState(false);
  useEffect(() => {
    if (lang === "en" && !enLoaded) void loadLanguage("en").then(() => setEnLoaded(true));
  }, [lang, enLoaded]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: termsKey: the title names the organisation's board
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, "common.appName");
  }, [lang, termsKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: enLoaded and termsKey force a fresh lookup once English or the organisation's words arrive
  const value = useMemo<TI18n>(
    () => ({
      lang,
      setLang,
      setTerms: applyTerms,
      t: (key, ...args) => translate(lang, key, ...args),
      tp: (base, count, ...args) => translatePlural(lang, base, count, ...args),
      tm: (message) => translateMessage(lang, message),
      tx: (text) => text[lang],
      f: makeFormatters(lang),
    }),
    [lang, setLang, enLoaded, applyTerms, termsKey],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = () => {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n needs an I18nProvider");
  return value;
};
