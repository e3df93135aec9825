import type { audit } from "./ja/audit";
import type { auth } from "./ja/auth";
import type { cases } from "./ja/cases";
import type { commitments } from "./ja/commitments";
import { common } from "./ja/common";
import type { deadlines } from "./ja/deadlines";
import type { documents } from "./ja/documents";
import { domain } from "./ja/domain";
import type { editing } from "./ja/editing";
import type { imports } from "./ja/imports";
import type { incidents } from "./ja/incidents";
import type { meetings } from "./ja/meetings";
import type { organisation } from "./ja/organisation";
import type { overview } from "./ja/overview";
import type { records } from "./ja/records";
import type { users } from "./ja/users";
import type { vendors } from "./ja/vendors";

/*
 * Japanese is the record's language and the default. English must have every key Japanese has: each
 * en/<namespace>.ts is checked against its ja twin with `satisfies`.
 *
 * Only the strings every page needs (common, domain) ship with the first screen; each page's own
 * namespace arrives with that page's chunk (see `loadNamespace`), which keeps the initial bundle small.
 */
export type TCatalog = {
  common: typeof common;
  domain: typeof domain;
  overview: typeof overview;
  incidents: typeof incidents;
  commitments: typeof commitments;
  vendors: typeof vendors;
  meetings: typeof meetings;
  documents: typeof documents;
  auth: typeof auth;
  users: typeof users;
  editing: typeof editing;
  records: typeof records;
  deadlines: typeof deadlines;
  imports: typeof imports;
  audit: typeof audit;
  organisation: typeof organisation;
  cases: typeof cases;
};

export type TLang = "ja" | "en";
export const LANGS = ["ja", "en"] as const satisfies readonly TLang[];
export type TNamespace = keyof TCatalog;
export type TPageNamespace = Exclude<TNamespace, "common" | "domain">;
export type TMessageKey = {
  [N in keyof TCatalog]: `${N & string}.${keyof TCatalog[N] & string}`;
}[keyof TCatalog];

type TTable = Record<string, string>;

const loaded: Record<TLang, Partial<Record<TNamespace, TTable>>> = { ja: { common, domain }, en: {} };

/** Where the reader's choice of language is kept (the provider writes it; the loaders read it at start). */
export const LANG_STORAGE_KEY = "bgd.lang";

const storedLang = (): TLang => {
  try {
    return globalThis.localStorage?.getItem(LANG_STORAGE_KEY) === "en" ? "en" : "ja";
  } catch {
    return "ja";
  }
};

/*
 * Only the reader's language loads: a page's strings arrive in that language with the page, and the
 * other language's strings of every page seen so far load when the reader switches (see `loadLanguage`).
 * The route loaders start before the first render, so the language is read from storage here.
 */
let current: TLang = storedLang();

const one = (ja: () => Promise<TTable>, en: () => Promise<TTable>) => (lang: TLang) =>
  lang === "ja" ? ja() : en();

const loaders: Record<TPageNamespace, (lang: TLang) => Promise<TTable>> = {
  overview: one(
    () => import("./ja/overview").then((m) => m.overview),
    () => import("./en/overview").then((m) => m.overview),
  ),
  incidents: one(
    () => import("./ja/incidents").then((m) => m.incidents),
    () => import("./en/incidents").then((m) => m.incidents),
  ),
  commitments: one(
    () => import("./ja/commitments").then((m) => m.commitments),
    () => import("./en/commitments").then((m) => m.commitments),
  ),
  vendors: one(
    () => import("./ja/vendors").then((m) => m.vendors),
    () => import("./en/vendors").then((m) => m.vendors),
  ),
  meetings: one(
    () => import("./ja/meetings").then((m) => m.meetings),
    () => import("./en/meetings").then((m) => m.meetings),
  ),
  documents: one(
    () => import("./ja/documents").then((m) => m.documents),
    () => import("./en/documents").then((m) => m.documents),
  ),
  auth: one(
    () => import("./ja/auth").then((m) => m.auth),
    () => import("./en/auth").then((m) => m.auth),
  ),
  users: one(
    () => import("./ja/users").then((m) => m.users),
    () => import("./en/users").then((m) => m.users),
  ),
  editing: one(
    () => import("./ja/editing").then((m) => m.editing),
    () => import("./en/editing").then((m) => m.editing),
  ),
  records: one(
    () => import("./ja/records").then((m) => m.records),
    () => import("./en/records").then((m) => m.records),
  ),
  deadlines: one(
    () => import("./ja/deadlines").then((m) => m.deadlines),
    () => import("./en/deadlines").then((m) => m.deadlines),
  ),
  imports: one(
    () => import("./ja/imports").then((m) => m.imports),
    () => import("./en/imports").then((m) => m.imports),
  ),
  audit: one(
    () => import("./ja/audit").then((m) => m.audit),
    () => import("./en/audit").then((m) => m.audit),
  ),
  organisation: one(
    () => import("./ja/organisation").then((m) => m.organisation),
    () => import("./en/organisation").then((m) => m.organisation),
  ),
  cases: one(
    () => import("./ja/cases").then((m) => m.cases),
    () => import("./en/cases").then((m) => m.cases),
  ),
};

/** The page namespaces asked for so far: switching language loads these in the new language. */
const wanted = new Set<TPageNamespace>();
const pending = new Map<string, Promise<void>>();

const loadOne = (lang: TLang, ns: TPageNamespace): Promise<void> => {
  if (loaded[lang][ns]) return Promise.resolve();
  const key = `${lang}.${ns}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = loaders[ns](lang).then((table) => {
      loaded[lang][ns] = table;
    });
    pending.set(key, promise);
  }
  return promise;
};

// English common/domain are small but not part of the first bundle: loaded when English is wanted.
let baseEn: Promise<void> | null = null;
const loadBase = (lang: TLang) => {
  if (lang === "ja") return Promise.resolve();
  baseEn ??= Promise.all([import("./en/common"), import("./en/domain")]).then(([c, d]) => {
    loaded.en.common = c.common;
    loaded.en.domain = d.domain;
  });
  return baseEn;
};

/** Loads a page's strings in the reader's language (the other language loads on a switch). */
export const loadNamespace = async (ns: TPageNamespace) => {
  wanted.add(ns);
  await Promise.all([loadOne(current, ns), loadBase(current)]);
};

/**
 * Makes `lang` the language pages load in, and loads it for every page namespace asked for so far:
 * the language toggle waits for this before it switches, so no text shows as a key.
 */
export const loadLanguage = async (lang: TLang) => {
  current = lang;
  await Promise.all([loadBase(lang), ...[...wanted].map((ns) => loadOne(lang, ns))]);
};

/** Every namespace in both languages (tests, which render either language at once). */
export const loadAllNamespaces = () =>
  Promise.all(
    (Object.keys(loaders) as TPageNamespace[]).flatMap((ns) => {
      wanted.add(ns);
      return [loadOne("ja", ns), loadOne("en", ns), loadBase("en")];
    }),
  );

export const lookupMessage = (lang: TLang, ns: TNamespace, name: string): string | undefined =>
  loaded[lang][ns]?.[name] ?? loaded.ja[ns]?.[name];
