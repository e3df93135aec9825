import type { TCatalog, TNamespace } from "./catalog";
import type { audit as enAudit } from "./en/audit";
import type { auth as enAuth } from "./en/auth";
import type { cases as enCases } from "./en/cases";
import type { commitments as enCommitments } from "./en/commitments";
import type { common as enCommon } from "./en/common";
import type { deadlines as enDeadlines } from "./en/deadlines";
import type { documents as enDocuments } from "./en/documents";
import type { domain as enDomain } from "./en/domain";
import type { editing as enEditing } from "./en/editing";
import type { imports as enImports } from "./en/imports";
import type { incidents as enIncidents } from "./en/incidents";
import type { meetings as enMeetings } from "./en/meetings";
import type { organisation as enOrganisation } from "./en/organisation";
import type { overview as enOverview } from "./en/overview";
import type { records as enRecords } from "./en/records";
import type { users as enUsers } from "./en/users";
import type { vendors as enVendors } from "./en/vendors";
import type { TCallerPlaceholders } from "./placeholders";

/*
 * Every English text names the same values as its Japanese twin: a value only one language names is lost
 * in the other (or printed as "{name}"). Checked twice: by the types (a mismatch names its key in tsc's
 * error) and at run time over every catalog file, registered or not.
 */

type TEnglish = {
  audit: typeof enAudit;
  auth: typeof enAuth;
  cases: typeof enCases;
  commitments: typeof enCommitments;
  common: typeof enCommon;
  deadlines: typeof enDeadlines;
  documents: typeof enDocuments;
  domain: typeof enDomain;
  editing: typeof enEditing;
  imports: typeof enImports;
  incidents: typeof enIncidents;
  meetings: typeof enMeetings;
  organisation: typeof enOrganisation;
  overview: typeof enOverview;
  records: typeof enRecords;
  users: typeof enUsers;
  vendors: typeof enVendors;
};

type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Keys ("ns.key") whose English text names other values than the Japanese one. */
type TMismatched = {
  [N in TNamespace]: {
    [K in keyof TCatalog[N] & keyof TEnglish[N] & string]: TSame<
      TCallerPlaceholders<TCatalog[N][K]>,
      TCallerPlaceholders<TEnglish[N][K]>
    > extends true
      ? never
      : `${N}.${K}`;
  }[keyof TCatalog[N] & keyof TEnglish[N] & string];
}[TNamespace];

/** Keys whose Japanese text the compiler sees only as `string` (a catalog not `as const`): unchecked. */
type TWidened = {
  [N in TNamespace]: {
    [K in keyof TCatalog[N] & string]: string extends TCatalog[N][K] ? `${N}.${K}` : never;
  }[keyof TCatalog[N] & string];
}[TNamespace];

const none = <T extends never>(keys: T[]) => keys;

type TModule = Record<string, Record<string, string>>;
const files = import.meta.glob<TModule>(["./ja/*.ts", "./en/*.ts"], { eager: true });

const tables = (lang: "ja" | "en") =>
  new Map(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`./${lang}/`))
      .flatMap(([, module]) => Object.entries(module)),
  );

const TERMS = new Set(["org", "board", "people"]);
const callerPlaceholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))]
    .filter((n) => !TERMS.has(n))
    .sort();

const PLURAL_FORM = /^(.+)_(zero|one|two|few|many|other)$/;

describe("English and Japanese texts name the same values", () => {
  it("in the types: no key differs, and every Japanese catalog is literal", () => {
    expect(none<TMismatched>([])).toEqual([]);
    expect(none<TWidened>([])).toEqual([]);
  });

  const ja = tables("ja");
  const en = tables("en");

  it("has the same namespaces in both languages", () => {
    expect([...en.keys()].sort()).toEqual([...ja.keys()].sort());
  });

  it.each([...ja.keys()])("%s: each English text names exactly its Japanese text's values", (namespace) => {
    const jaTable = ja.get(namespace) ?? {};
    const enTable = en.get(namespace) ?? {};
    const problems: string[] = [];
    for (const [key, text] of Object.entries(enTable)) {
      const plural = PLURAL_FORM.exec(key);
      const twin = jaTable[key] ?? (plural ? jaTable[`${plural[1]}_other`] : undefined);
      if (twin === undefined) {
        problems.push(`${key}: no Japanese twin`);
        continue;
      }
      const want = callerPlaceholders(twin);
      const got = callerPlaceholders(text);
      // A plural form other than `other` may spell its number out ("one incident") instead of naming {n}.
      const spelledOut =
        plural && plural[2] !== "other" && !got.includes("n") ? want.filter((n) => n !== "n") : want;
      if (got.join() !== spelledOut.join())
        problems.push(`${key}: ja {${want.join("}{")}} en {${got.join("}{")}}`);
    }
    for (const key of Object.keys(jaTable)) if (!(key in enTable)) problems.push(`${key}: no English text`);
    expect(problems).toEqual([]);
  });

  it.each([...ja.keys()])("%s: Japanese has one form for a count (Intl.PluralRules: other)", (namespace) => {
    const forms = Object.keys(ja.get(namespace) ?? {}).filter((key) => {
      const plural = PLURAL_FORM.exec(key);
      return plural !== null && plural[2] !== "other";
    });
    expect(forms).toEqual([]);
  });
});
