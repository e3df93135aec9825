import { commitments as enCommitments } from "./en/commitments";
import { common as enCommon } from "./en/common";
import { documents as enDocuments } from "./en/documents";
import { domain as enDomain } from "./en/domain";
import { incidents as enIncidents } from "./en/incidents";
import { meetings as enMeetings } from "./en/meetings";
import { overview as enOverview } from "./en/overview";
import { vendors as enVendors } from "./en/vendors";
import { commitments } from "./ja/commitments";
import { common } from "./ja/common";
import { documents } from "./ja/documents";
import { domain } from "./ja/domain";
import { incidents } from "./ja/incidents";
import { meetings } from "./ja/meetings";
import { overview } from "./ja/overview";
import { vendors } from "./ja/vendors";

/*
 * Japanese is the record's language and the default. English must have every key Japanese has: each
 * en/<namespace>.ts is checked against its ja twin with `satisfies`.
 */
export const catalogs = {
  ja: { common, domain, overview, incidents, commitments, vendors, meetings, documents },
  en: {
    common: enCommon,
    domain: enDomain,
    overview: enOverview,
    incidents: enIncidents,
    commitments: enCommitments,
    vendors: enVendors,
    meetings: enMeetings,
    documents: enDocuments,
  },
} as const;

export type TLang = keyof typeof catalogs;
export const LANGS = ["ja", "en"] as const satisfies readonly TLang[];
type TJa = (typeof catalogs)["ja"];
export type TMessageKey = {
  [N in keyof TJa]: `${N & string}.${keyof TJa[N] & string}`;
}[keyof TJa];
