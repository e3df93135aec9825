import type { TFormError, TFormErrors } from "@/lib/form-errors";
import type { TText } from "@/shared/schemas/common";
import type { TOrganisationUpdate } from "@/shared/schemas/edit";
import type { TOrganisation } from "@/shared/schemas/organisation";
import type { TProblem } from "@/shared/schemas/problem";

/*
 * The organisation form's values and how they become the request body. The two word lists (populations,
 * vendor kinds) keep a removed entry until the save, marked `removed`: the server refuses to remove one
 * the record still uses, and its refusal is then said next to that very entry, which the user can keep.
 */

export const TERM_LISTS = ["populations", "vendorKinds"] as const;
export type TTermList = (typeof TERM_LISTS)[number];

/** One entry of either list (a vendor kind has no "whose": it is dropped from its body). */
export type TTermValues = {
  id: string;
  name: TText;
  ofWhom: TText;
  /** Added in this form: removing it drops it at once, there is nothing to keep. */
  isNew: boolean;
  /** Removed from the list when the form is saved (until then it can be kept). */
  removed: boolean;
};

export type TOrganisationValues = {
  version: number;
  name: TText;
  shortName: TText;
  boardName: TText;
  /** "1"…"12" as the select holds it. */
  fiscalYearStartMonth: string;
  legalForm: string;
  populations: TTermValues[];
  vendorKinds: TTermValues[];
};

const EMPTY: TText = { ja: "", en: "" };
const isBlank = (text: TText) => text.ja.trim() === "" && text.en.trim() === "";

export const valuesFromOrganisation = (o: TOrganisation): TOrganisationValues => ({
  version: o.version,
  name: o.name,
  shortName: o.shortName,
  boardName: o.boardName,
  fiscalYearStartMonth: String(o.fiscalYearStartMonth),
  legalForm: o.legalForm,
  populations: o.populations.map((p) => ({
    id: p.id,
    name: p.name,
    ofWhom: p.ofWhom ?? EMPTY,
    isNew: false,
    removed: false,
  })),
  vendorKinds: o.vendorKinds.map((k) => ({
    id: k.id,
    name: k.name,
    ofWhom: EMPTY,
    isNew: false,
    removed: false,
  })),
});

/**
 * An id for a new entry: the prefix and the first number no entry uses ("population-2"). Ids are never
 * shown; they only have to stay the same when the entry is renamed.
 */
export const newTermId = (prefix: string, taken: readonly string[]) => {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
};

export const newTerm = (prefix: string, taken: readonly string[]): TTermValues => ({
  id: newTermId(prefix, taken),
  name: { ...EMPTY },
  ofWhom: { ...EMPTY },
  isNew: true,
  removed: false,
});

const kept = (list: readonly TTermValues[]) => list.filter((entry) => !entry.removed);

/** The body the server checks: removed entries left out, a blank "whose" is none (the organisation's own). */
export const toOrganisationBody = (values: TOrganisationValues) =>
  ({
    version: values.version,
    name: values.name,
    shortName: values.shortName,
    boardName: values.boardName,
    fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
    legalForm: values.legalForm,
    populations: kept(values.populations).map((p) => ({
      id: p.id,
      name: p.name,
      ofWhom: isBlank(p.ofWhom) ? null : p.ofWhom,
    })),
    vendorKinds: kept(values.vendorKinds).map((k) => ({ id: k.id, name: k.name })),
  }) as TOrganisationUpdate;

/**
 * A body path → the form's path: the body leaves removed entries out, so `populations.1` of the body is
 * the second entry the form still keeps.
 */
export const valuePathOf = (bodyPath: string, values: TOrganisationValues) => {
  const [list, index, ...rest] = bodyPath.split(".");
  if (!TERM_LISTS.includes(list as TTermList) || index === undefined || !/^\d+$/.test(index)) return bodyPath;
  const entries = values[list as TTermList];
  const at = entries.map((e, i) => (e.removed ? -1 : i)).filter((i) => i >= 0)[Number(index)];
  return at === undefined ? bodyPath : [list, String(at), ...rest].join(".");
};

/**
 * The server's "still in use" refusals name the list and the id of the entry the body left out: each is
 * put on that removed entry, so the form says it next to the entry (which the user can then keep).
 */
export const inUseErrors = (problem: TProblem | null, values: TOrganisationValues): TFormErrors => {
  const errors: TFormErrors = {};
  for (const e of problem?.errors ?? []) {
    if (e.code !== "in_use" || !TERM_LISTS.includes(e.field as TTermList)) continue;
    const index = values[e.field as TTermList].findIndex((entry) => entry.id === e.params?.id);
    const error: TFormError = { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) };
    errors[index >= 0 ? `${e.field}.${index}` : e.field] ??= error;
  }
  return errors;
};
