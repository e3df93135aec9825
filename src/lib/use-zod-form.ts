import {
  type FormEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { z } from "zod";
import {
  errorsFromIssues,
  getIn,
  refusalOf,
  setIn,
  type TConflict,
  type TFormError,
  type TFormErrors,
} from "./form-errors";

/*
 * A small form state for the contract's write endpoints (no form library: the forms are few and flat,
 * and this keeps the first bundle free of one). The values mirror the request body, so a path is the
 * same on both sides: the browser checks the body with the endpoint's own zod schema before sending, and
 * a 400/422 from the server lands on the same paths. Nothing the user typed is ever thrown away by a
 * refusal; only a success or an explicit "discard mine" replaces it.
 */

type TSubmitOptions<V> = { values?: V };

export type TZodFormOptions<V, S extends z.ZodType, R> = {
  /** The endpoint's body schema (from src/shared/schemas/edit.ts…): what the server will check. */
  schema: S;
  initial: V | (() => V);
  /** Turns the form's values into the body, when they differ (drop helper fields, blank → null). */
  toBody?: (values: V) => unknown;
  /** Blank English halves of {ja, en} texts are filled from the Japanese on submit (default true). */
  fillEnglish?: boolean;
  send: (body: z.output<S>) => Promise<R>;
  onSuccess?: (result: R, body: z.output<S>) => void;
  /** Maps an error's body path to the form's value path, when toBody renames things. */
  fieldOf?: (bodyPath: string, values: V) => string;
  /** Where the record's version sits in the values (re-applying over a newer version sets it). */
  versionPath?: string;
};

export type TZodForm<V = unknown> = {
  id: string;
  values: V;
  /** The values the form started from (or was last reset to): what "changed by the user" is measured against. */
  baseline: V;
  getValue: (path: string) => unknown;
  setValue: (path: string, value: unknown) => void;
  setValues: (next: V | ((v: V) => V)) => void;
  reset: (next?: V) => void;
  errors: TFormErrors;
  /** The error a control at `path` shows: those whose nearest registered control is this one. */
  errorOf: (path: string) => TFormError | undefined;
  /** Errors no control on screen owns: the summary lists them so none is lost. */
  orphanErrors: () => [string, TFormError][];
  formError: TFormError | null;
  conflict: TConflict | null;
  pending: boolean;
  submitCount: number;
  handleSubmit: (event?: FormEvent) => Promise<void>;
  /**
   * After a 409 for a stale version: applies the user's changes over the current version and sends them.
   * With `current` (the current record as form values), only the fields the user changed since the
   * form opened are taken from theirs; everything else comes from the current record, so the other
   * editor's change to another field survives. Without it, all the user's values are sent again.
   */
  reapply: (current?: V) => Promise<void>;
  /** After a 409: drops the user's values; `next` (built from the current record) replaces them. */
  discardMine: (next?: V) => void;
  /** Controls announce their path so errors know where to show (see errorOf). */
  register: (path: string) => void;
  /** A stable DOM id for the control at `path`. */
  idFor: (path: string) => string;
  formRef: RefObject<HTMLFormElement | null>;
};

/** An optional bilingual text (a note): both halves blank means none. */
export const textOrNull = (text: { ja: string; en: string } | null | undefined) =>
  !text || (text.ja.trim() === "" && text.en.trim() === "") ? null : text;

/** Every {ja, en} pair whose English is blank gets the Japanese, so the record is never half-written. */
export const fillBlankEnglish = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(fillBlankEnglish);
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 2 && typeof obj.ja === "string" && typeof obj.en === "string") {
    return obj.en.trim() === "" ? { ja: obj.ja, en: obj.ja } : obj;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = fillBlankEnglish(obj[k]);
  return out;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

const sameKeys = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  same(Object.keys(a).sort(), Object.keys(b).sort());

/**
 * The user's changes over the current values: a field the user left as it was (equal to `base`) takes
 * the current value; a changed one keeps the user's. Objects of the same shape on all three sides (a
 * {ja, en} text, a figure whose status did not change) are merged field by field, so one editor's
 * Japanese and another's English both survive; anything else (lists, a figure that changed its kind) is
 * taken whole, never stitched into something the schema would refuse.
 */
export const mergeChanges = <V>(base: V, mine: V, current: V): V => {
  if (same(mine, base)) return current;
  if (!isPlain(mine) || !isPlain(base) || !isPlain(current)) return mine;
  if (!sameKeys(mine, base) || !sameKeys(mine, current)) return mine;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(mine)) out[k] = mergeChanges(base[k], mine[k], current[k]);
  return out as V;
};

const ownerOf = (registered: Set<string>, errorPath: string): string | null => {
  let best: string | null = null;
  for (const p of registered) {
    if ((errorPath === p || errorPath.startsWith(`${p}.`)) && (best === null || p.length > best.length))
      best = p;
  }
  return best;
};

export const useZodForm = <V, S extends z.ZodType, R = unknown>(
  options: TZodFormOptions<V, S, R>,
): TZodForm<V> => {
  const id = useId();
  const [values, setValuesState] = useState<V>(options.initial);
  const [errors, setErrors] = useState<TFormErrors>({});
  const [formError, setFormError] = useState<TFormError | null>(null);
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const [pending, setPending] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement | null>(null);
  const registered = useRef(new Set<string>());
  const inFlight = useRef(false);
  // The latest options without re-creating the callbacks on every render.
  const opts = useRef(options);
  opts.current = options;
  const latest = useRef(values);
  latest.current = values;
  // What the form started from: a field equal to it was not changed by the user.
  const baseline = useRef<V>(values);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;

  // Focus after the errors are on screen: the first invalid control, or the summary when none owns one.
  useEffect(() => {
    if (focusTick === 0) return;
    const form = formRef.current;
    if (!form) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>("[data-form-summary]");
    target?.focus();
  }, [focusTick]);

  const setValue = useCallback((path: string, value: unknown) => {
    setValuesState((v) => setIn(v, path, value));
    // A corrected field stops showing its old error; others stay until the next submit.
    setErrors((e) => {
      const stale = Object.keys(e).filter((k) => k === path || k.startsWith(`${path}.`));
      if (stale.length === 0) return e;
      const next = { ...e };
      for (const k of stale) delete next[k];
      return next;
    });
  }, []);

  const setValues = useCallback((next: V | ((v: V) => V)) => {
    setValuesState(next as V);
  }, []);

  const reset = useCallback((next?: V) => {
    const o = opts.current;
    const fresh = next ?? (typeof o.initial === "function" ? (o.initial as () => V)() : o.initial);
    baseline.current = fresh;
    setValuesState(fresh);
    setErrors({});
    setFormError(null);
    setConflict(null);
  }, []);

  const run = useCallback(async ({ values: given }: TSubmitOptions<V> = {}) => {
    if (inFlight.current) return;
    const o = opts.current;
    const current = given ?? latest.current;
    const shaped = o.toBody ? o.toBody(current) : current;
    const body = o.fillEnglish === false ? shaped : fillBlankEnglish(shaped);
    setSubmitCount((n) => n + 1);
    const checked = o.schema.safeParse(body);
    if (!checked.success) {
      const found = errorsFromIssues(checked.error.issues, body);
      const mapped: TFormErrors = {};
      for (const [path, error] of Object.entries(found))
        mapped[o.fieldOf ? o.fieldOf(path, current) : path] ??= error;
      setErrors(mapped);
      setFormError({ code: "summary" });
      setConflict(null);
      setFocusTick((n) => n + 1);
      return;
    }
    inFlight.current = true;
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      const result = await o.send(checked.data as z.output<S>);
      setConflict(null);
      o.onSuccess?.(result, checked.data as z.output<S>);
    } catch (error) {
      const mapField = o.fieldOf;
      const refusal = refusalOf(error, body, mapField ? (path) => mapField(path, current) : undefined);
      setErrors(refusal.fields);
      setFormError(refusal.form);
      setConflict(refusal.conflict);
      if (!refusal.conflict) setFocusTick((n) => n + 1);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }, []);

  const handleSubmit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      await run();
    },
    [run],
  );

  const reapply = useCallback(
    async (currentValues?: V) => {
      const o = opts.current;
      const current = conflictRef.current?.current;
      if (!current) return;
      const versionPath = o.versionPath ?? "version";
      const mine = latest.current;
      const merged = currentValues === undefined ? mine : mergeChanges(baseline.current, mine, currentValues);
      const next = setIn(merged, versionPath, getIn(current, "version"));
      // The current record is the new starting point: a second conflict compares against it.
      if (currentValues !== undefined)
        baseline.current = setIn(currentValues, versionPath, getIn(current, "version"));
      setValuesState(next);
      setConflict(null);
      await run({ values: next });
    },
    [run],
  );

  const discardMine = useCallback(
    (next?: V) => {
      reset(next);
    },
    [reset],
  );

  const register = useCallback((path: string) => {
    registered.current.add(path);
  }, []);

  const errorOf = useCallback(
    (path: string) => {
      for (const [p, e] of Object.entries(errors)) {
        if (ownerOf(registered.current, p) === path) return e;
      }
      return undefined;
    },
    [errors],
  );

  const orphanErrors = useCallback(
    () => Object.entries(errors).filter(([p]) => ownerOf(registered.current, p) === null),
    [errors],
  );

  const idFor = useCallback((path: string) => `${id}-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`, [id]);

  const getValue = useCallback((path: string) => getIn(values, path), [values]);

  return useMemo(
    () => ({
      id,
      values,
      baseline: baseline.current,
      getValue,
      setValue,
      setValues,
      reset,
      errors,
      errorOf,
      orphanErrors,
      formError,
      conflict,
      pending,
      submitCount,
      handleSubmit,
      reapply,
      discardMine,
      register,
      idFor,
      formRef,
    }),
    [
      id,
      values,
      getValue,
      setValue,
      setValues,
      reset,
      errors,
      errorOf,
      orphanErrors,
      formError,
      conflict,
      pending,
      submitCount,
      handleSubmit,
      reapply,
      discardMine,
      register,
      idFor,
    ],
  );
};
