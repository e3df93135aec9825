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

// English common/domain are small but still not needed for a Japanese first paint.
const baseEn = Promise.all([import("./en/common"), import("./en/domain")]).then(([c, d]) => {
  loaded.en.common = c.common;
  loaded.en.domain = d.domain;
});

const loaders: Record<TPageNamespace, () => Promise<[TTable, TTable]>> = {
  overview: () =>
    Promise.all([import("./ja/overview"), import("./en/overview")]).then(([j, e]) => [
      j.overview,
      e.overview,
    ]),
  incidents: () =>
    Promise.all([import("./ja/incidents"), import("./en/incidents")]).then(([j, e]) => [
      j.incidents,
      e.incidents,
    ]),
  commitments: () =>
    Promise.all([import("./ja/commitments"), import("./en/commitments")]).then(([j, e]) => [
      j.commitments,
      e.commitments,
    ]),
  vendors: () =>
    Promise.all([import("./ja/vendors"), import("./en/vendors")]).then(([j, e]) => [j.vendors, e.vendors]),
  meetings: () =>
    Promise.all([import("./ja/meetings"), import("./en/meetings")]).then(([j, e]) => [
      j.meetings,
      e.meetings,
    ]),
  documents: () =>
    Promise.all([import("./ja/documents"), import("./en/documents")]).then(([j, e]) => [
      j.documents,
      e.documents,
    ]),
  auth: () => Promise.all([import("./ja/auth"), import("./en/auth")]).then(([j, e]) => [j.auth, e.auth]),
  users: () => Promise.all([import("./ja/users"), import("./en/users")]).then(([j, e]) => [j.users, e.users]),
  editing: () =>
    Promise.all([import("./ja/editing"), import("./en/editing")]).then(([j, e]) => [j.editing, e.editing]),
  records: () =>
    Promise.all([import("./ja/records"), import("./en/records")]).then(([j, e]) => [j.records, e.records]),
  deadlines: () =>
    Promise.all([import("./ja/deadlines"), import("./en/deadlines")]).then(([j, e]) => [
      j.deadlines,
      e.deadlines,
    ]),
  imports: () =>
    Promise.all([import("./ja/imports"), import("./en/imports")]).then(([j, e]) => [j.imports, e.imports]),
  audit: () => Promise.all([import("./ja/audit"), import("./en/audit")]).then(([j, e]) => [j.audit, e.audit]),
  organisation: () =>
    Promise.all([import("./ja/organisation"), import("./en/organisation")]).then(([j, e]) => [
      j.organisation,
      e.organisation,
    ]),
  cases: () => Promise.all([import("./ja/cases"), import("./en/cases")]).then(([j, e]) => [j.cases, e.cases]),
};

/** Loads a page's strings in both languages (so the language toggle never waits). */
export const loadNamespace = async (ns: TPageNamespace) => {
  if (!loaded.ja[ns]) {
    const [ja, en] = await loaders[ns]();
    loaded.ja[ns] = ja;
    loaded.en[ns] = en;
  }
  await baseEn;
};

export const loadAllNamespaces = () =>
  Promise.all((Object.keys(loaders) as TPageNamespace[]).map((ns) => loadNamespace(ns)));

export const englishReady = () => baseEn;

export const lookupMessage = (lang: TLang, ns: TNamespace, name: string): string | undefined =>
  loaded[lang][ns]?.[name] ?? loaded.ja[ns]?.[name];
