import type { useI18n } from "@/i18n/i18n";
import type { TMessage } from "@/i18n/message-types";
import type { TProblem } from "@/shared/schemas/problem";
import { ApiError } from "./api-client";

/*
 * One shape for every reason a form refuses a value, whether the browser's copy of the contract schema
 * found it (a zod issue) or the server did (a 400 or 422 field error): a code, the values the message is
 * built from, and the server's own words as a last resort. The message is chosen at render time, so it
 * follows the reader's language.
 */
export type TFormError = {
  code: string;
  params?: Record<string, string | number>;
  /** The sender's English wording: shown only when the code is unknown to this client. */
  message?: string;
};

/** Errors by the dotted path of the form value they are about ("milestones.2.source.documentId"). */
export type TFormErrors = Record<string, TFormError>;

/** What a control holds, so a code can be said in its terms ("enter a date" rather than "invalid"). */
export type TFieldKind = "text" | "number" | "date" | "partialDate" | "select" | "multi" | "id";

/** The record as it is now (from a 409 for a stale version) next to what this user sent. */
export type TConflict = { mine: unknown; current: Record<string, unknown> };

/** What a refused write means for a form: errors by field, one for the whole form, or a stale version. */
export type TRefusal = {
  fields: TFormErrors;
  form: TFormError | null;
  conflict: TConflict | null;
  /** The control to focus instead of the first invalid one or the summary (a wrong password: the password). */
  focus?: string;
};

type TI18n = ReturnType<typeof useI18n>;

/** A form's own words for some errors (a TMessage: the users page says what a username may contain), by path ("" for the form's own error); undefined → errorText. */
export type TErrorWords = (error: TFormError, path: string) => TMessage | undefined;

/** `a.b.0.c` → ["a", "b", 0, "c"]. */
export const pathParts = (path: string): (string | number)[] =>
  path === "" ? [] : path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export const getIn = (value: unknown, path: string): unknown => {
  let at: unknown = value;
  for (const part of pathParts(path)) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[part];
  }
  return at;
};

/** An immutable set: copies each object/array on the way down, creating what is missing. */
export const setIn = <T>(value: T, path: string, next: unknown): T => {
  const parts = pathParts(path);
  const put = (at: unknown, i: number): unknown => {
    if (i === parts.length) return next;
    const key = parts[i] as string | number;
    if (Array.isArray(at)) {
      const copy = [...at];
      copy[key as number] = put(at[key as number], i + 1);
      return copy;
    }
    if (at !== null && typeof at === "object") {
      const obj = at as Record<string | number, unknown>;
      return { ...obj, [key]: put(obj[key], i + 1) };
    }
    if (typeof key === "number") {
      const fresh: unknown[] = [];
      fresh[key] = put(undefined, i + 1);
      return fresh;
    }
    return { [key]: put(undefined, i + 1) };
  };
  return put(value, 0) as T;
};

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || Number.isNaN(v);

/** A blank value refused for any of these reasons is simply missing. */
const BLANK_MEANS_REQUIRED = new Set([
  "invalid_type",
  "invalid_union",
  "invalid_value",
  "invalid_format",
  "custom",
]);

export type TIssue = {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  expected?: unknown;
  format?: unknown;
  keys?: string[];
  params?: Record<string, unknown>;
};

/**
 * Zod issues → form errors, first per path. `body` is what was checked, so a missing value reads as
 * "required" instead of "expected string, received undefined".
 */
export const errorsFromIssues = (issues: readonly TIssue[], body: unknown): TFormErrors => {
  const out: TFormErrors = {};
  const add = (path: string, error: TFormError) => {
    out[path] ??= error;
  };
  for (const issue of issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys ?? []) {
        add(base === "" ? key : `${base}.${key}`, { code: "unknown_field", message: issue.message });
      }
      continue;
    }
    const value = getIn(body, base);
    const params: Record<string, string | number> = {};
    if (typeof issue.origin === "string") params.origin = issue.origin;
    if (typeof issue.minimum === "number" || typeof issue.minimum === "bigint")
      params.minimum = Number(issue.minimum);
    if (typeof issue.maximum === "number" || typeof issue.maximum === "bigint")
      params.maximum = Number(issue.maximum);
    if (typeof issue.expected === "string") params.expected = issue.expected;
    if (typeof issue.format === "string") params.format = issue.format;
    const required =
      (BLANK_MEANS_REQUIRED.has(issue.code) && isBlank(value)) ||
      (issue.code === "too_small" && params.origin === "string" && params.minimum === 1) ||
      (issue.code === "too_small" && params.origin === "array" && params.minimum === 1);
    // A rule of our own (a refinement) names its code in its params, as the server reports it.
    const own = issue.code === "custom" ? issue.params?.code : undefined;
    add(base, {
      code: required ? "required" : typeof own === "string" ? own : issue.code,
      ...(Object.keys(params).length > 0 ? { params } : {}),
      message: issue.message,
    });
  }
  return out;
};

/** Field errors of a 400/422 problem, keyed by path (mapped through `fieldOf` when the form's shape differs). */
export const errorsFromProblem = (
  problem: TProblem | null | undefined,
  fieldOf: (bodyPath: string) => string = (p) => p,
): { fields: TFormErrors; form: TFormError | null } => {
  const fields: TFormErrors = {};
  let form: TFormError | null = null;
  for (const e of problem?.errors ?? []) {
    const error: TFormError = {
      code: e.code,
      ...(e.params ? { params: e.params } : {}),
      message: e.message,
    };
    if (e.in !== "body" || e.field === "" || e.field === "(root)") {
      form ??= error;
      continue;
    }
    fields[fieldOf(e.field)] ??= error;
  }
  return { fields, form };
};

/**
 * Any failure of a write, as a form should show it: 400/422 (or a 409 naming a field: a username taken) →
 * errors by field; 409 with the record as it is now and no code → a stale version (show both, re-apply);
 * 409 with a code → the record's state does not allow it (verify what was never reported done…);
 * 401/403/404/other → one message for the form.
 */
export const refusalOf = (
  error: unknown,
  mine: unknown,
  fieldOf?: (bodyPath: string) => string,
): TRefusal => {
  if (!(error instanceof ApiError)) return { fields: {}, form: { code: "network" }, conflict: null };
  const problem = error.problem;
  if (error.status === 400 || error.status === 422) {
    const { fields, form } = errorsFromProblem(problem, fieldOf);
    const n = Object.keys(fields).length;
    if (n > 0) return { fields, form: form ?? { code: "summary", params: { n } }, conflict: null };
    return { fields, form: form ?? { code: "invalid_request", message: problem?.detail }, conflict: null };
  }
  if (error.status === 409) {
    // A field named by a 409 (a username already taken) is said next to that field, as a 422 would be.
    const named = errorsFromProblem(problem, fieldOf);
    const n = Object.keys(named.fields).length;
    if (n > 0)
      return { fields: named.fields, form: named.form ?? { code: "summary", params: { n } }, conflict: null };
    const current =
      problem?.current ??
      ((error.body as { current?: Record<string, unknown> } | null)?.current as
        | Record<string, unknown>
        | undefined);
    const code = problem?.errors?.[0]?.code;
    if (!code && current) return { fields: {}, form: null, conflict: { mine, current } };
    return { fields: {}, form: { code: code ?? "conflict", message: problem?.detail }, conflict: null };
  }
  if (error.status === 401) return { fields: {}, form: { code: "signed_out" }, conflict: null };
  if (error.status === 403) return { fields: {}, form: { code: "forbidden" }, conflict: null };
  if (error.status === 404) return { fields: {}, form: { code: "not_found" }, conflict: null };
  if (error.status === 413) return { fields: {}, form: { code: "payload_too_large" }, conflict: null };
  return { fields: {}, form: { code: "generic" }, conflict: null };
};

/**
 * Codes whose message is `editing.err_<code>` and needs no values (codes with values have their own case in
 * errorText); the rest fall back to the sender's words.
 */
const PLAIN_CODES = [
  "required",
  "too_short",
  "too_few_distinct",
  "mentions_user",
  "too_guessable",
  "wrong_password",
  "method_purpose",
  "no_money_in_notification",
  "not_a_vendor_notice",
  "invalid_type",
  "invalid_format",
  "invalid_value",
  "invalid_union",
  "custom",
  "not_multiple_of",
  "unknown_field",
  "invalid_text",
  "cycle",
  "other_incident",
  "has_progress",
  "has_children",
  "meeting_closed",
  "not_reported_done",
  "already_verified",
  "status_workflow",
  "meeting_in_future",
  "invalid_request",
  "conflict",
  "signed_out",
  "forbidden",
  "not_found",
  "payload_too_large",
  "network",
  "generic",
] as const;
const PLAIN: ReadonlySet<string> = new Set(PLAIN_CODES);
const isPlainCode = (code: string): code is (typeof PLAIN_CODES)[number] => PLAIN.has(code);

const REFERENCE_KIND_LIST = [
  "document",
  "vendor",
  "party",
  "service",
  "incident",
  "case",
  "population",
  "vendorKind",
  "commitment",
  "meeting",
  "cohort",
] as const;
const REFERENCE_KINDS: ReadonlySet<string> = new Set(REFERENCE_KIND_LIST);
const isReferenceKind = (kind: unknown): kind is (typeof REFERENCE_KIND_LIST)[number] =>
  typeof kind === "string" && REFERENCE_KINDS.has(kind);

type TTranslate = Pick<TI18n, "t" | "tp" | "tm" | "f">;

/** The message for an error in the reader's language, worded for the kind of control it is next to. */
export const errorText = ({ t, tp, f }: TTranslate, error: TFormError, kind: TFieldKind = "text"): string => {
  const p = error.params ?? {};
  const num = (v: unknown) => (typeof v === "number" ? f.number(v) : String(v ?? ""));
  const date = (v: unknown) =>
    typeof v === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(v) ? f.date(v) : String(v ?? "");
  switch (error.code) {
    case "too_small":
      if (p.origin === "array") return t("editing.err_too_small_array", { n: num(p.minimum) });
      if (p.origin === "string") return t("editing.err_too_small_string", { n: num(p.minimum) });
      return t("editing.err_too_small_number", { n: num(p.minimum) });
    case "too_big":
      if (p.origin === "array") return t("editing.err_too_big_array", { n: num(p.maximum) });
      if (p.origin === "string") return t("editing.err_too_big_string", { n: num(p.maximum) });
      return t("editing.err_too_big_number", { n: num(p.maximum) });
    case "invalid_type":
      if (kind === "number" || p.expected === "number" || p.expected === "int")
        return t(p.expected === "int" ? "editing.err_integer" : "editing.err_number");
      if (kind === "date") return t("editing.err_date");
      if (kind === "partialDate") return t("editing.err_partial_date");
      if (kind === "select" || kind === "multi") return t("editing.err_invalid_value");
      return t("editing.err_invalid_type");
    case "invalid_format":
    case "custom":
      if (kind === "date") return t(error.code === "custom" ? "editing.err_real_date" : "editing.err_date");
      if (kind === "partialDate")
        return t(error.code === "custom" ? "editing.err_real_date" : "editing.err_partial_date");
      if (kind === "id") return t("editing.err_id");
      return t(error.code === "custom" ? "editing.err_custom" : "editing.err_invalid_format");
    case "too_large":
      return t("editing.err_too_large", { n: num(p.max) });
    case "unknown_reference": {
      const kindName = isReferenceKind(p.kind) ? p.kind : "record";
      return t("editing.err_unknown_reference", {
        kind: t(`editing.ref_${kindName}`),
        id: String(p.id ?? ""),
      });
    }
    case "duplicate":
      return t("editing.err_duplicate", { id: String(p.id ?? "") });
    case "in_future":
      return t("editing.err_in_future", { date: date(p.date) });
    // `members` is what records written before populations called the group's size.
    case "exceeds_people":
    case "exceeds_members":
      return t("editing.err_exceeds_people", { total: f.people(Number(p.people ?? p.members)) });
    case "completed_short":
      return t("editing.err_completed_short", {
        done: f.people(Number(p.done)),
        total: f.people(Number(p.people ?? p.members)),
      });
    case "not_subcontractor":
      return t("editing.err_not_subcontractor", {
        vendor: String(p.vendorId ?? ""),
        contractor: String(p.contractorId ?? ""),
      });
    case "in_use":
      return t("editing.err_in_use", { id: String(p.id ?? "") });
    case "taken":
      return t("editing.err_taken", { number: num(p.number) });
    case "before_reported_done":
      return t("editing.err_before_reported_done", { date: date(p.date) });
    // How many fields need attention, when the refusal counted them (see refusalOf).
    case "summary":
      return typeof p.n === "number" ? tp("editing.err_summary", p.n) : t("editing.err_invalid_request");
    default:
      if (isPlainCode(error.code)) return t(`editing.err_${error.code}`);
      return error.message && error.message.length > 0 ? error.message : t("editing.err_generic");
  }
};

/** errorText, unless the form words this error its own way (see TErrorWords). */
export const wordedError = (
  i18n: TTranslate,
  error: TFormError,
  { kind, path = "", words }: { kind?: TFieldKind; path?: string; words?: TErrorWords | undefined } = {},
): string => {
  const own = words?.(error, path);
  return own ? i18n.tm(own) : errorText(i18n, error, kind);
};
