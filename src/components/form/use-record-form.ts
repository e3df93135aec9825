import { type FormEvent, useCallback, useId, useRef, useState } from "react";
import {
  type Control,
  type DefaultValues,
  type FieldPath,
  type FieldPathValue,
  type FieldValues,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import {
  errorsFromIssues,
  getIn,
  refusalOf,
  setIn,
  type TConflict,
  type TErrorWords,
  type TFormError,
  type TFormErrors,
  type TIssue,
  type TRefusal,
} from "@/lib/form-errors";
import { fillBlankEnglish, mergeChanges } from "@/lib/form-values";

/*
 * Our part of every form, on top of react-hook-form (which holds the values, the field arrays and the
 * dirty state, and re-renders only the control that changed). The values mirror the request body, so a
 * path is the same on both sides: the browser checks the body with the endpoint's own zod schema before
 * sending, and a 400/422 from the server lands on the same paths, next to the control that owns it.
 * Nothing the user typed is ever thrown away by a refusal; only a success or "discard mine" replaces it.
 * On a 409 for a stale version the form keeps both sides for the ConflictPanel, which re-applies the
 * user's changes over the current version (a three-way merge) or drops them.
 */

/** The outcome of checking a body with an endpoint's schema: a send of the parsed body, or the issues. */
export type TChecked<R> = { ok: true; send: () => Promise<R> } | { ok: false; issues: readonly TIssue[] };

/**
 * An endpoint as a form sees it: its own body schema, and how to send a body that schema accepts. (An
 * object rather than a bare function: TypeScript then infers the result type through it.)
 */
export type TEndpoint<R> = { check: (body: unknown) => TChecked<R> };

/**
 * Pairs a body schema with the call that sends what it parses, so the call is typed by that very schema
 * (a create and an update form pick one pair or the other; no cast between their bodies).
 */
export const endpoint = <S extends z.ZodType, R>(
  schema: S,
  send: (body: z.output<S>) => Promise<R>,
): TEndpoint<R> => ({
  check: (body) => {
    const checked = schema.safeParse(body);
    return checked.success
      ? { ok: true, send: () => send(checked.data) }
      : { ok: false, issues: checked.error.issues };
  },
});

export type TRecordFormOptions<V extends FieldValues, R> = {
  /** The values the form opens with (read once). */
  initial: V | (() => V);
  endpoint: TEndpoint<R>;
  /**
   * Turns the values into the body, when they differ (drop helper fields, blank → null). `baseline` is
   * what the form opened with, for a body of changes only (the users page sends only what changed).
   */
  toBody?: (values: V, baseline: V) => unknown;
  /** Blank English halves of {ja, en} texts are filled from the Japanese on submit (default true). */
  fillEnglish?: boolean;
  /** Maps an error's body path to the form's value path, when toBody moves things. */
  fieldOf?: (bodyPath: string, values: V) => string;
  /** After a successful write; `values` are the ones sent (before toBody). */
  onSuccess?: (result: R, values: V) => void;
  /** Reads some refusals the form's own way (sign-in: a 401 is a wrong password); undefined → refusalOf. */
  refusal?: (error: unknown) => TRefusal | undefined;
  /** The form's own words for some errors; the rest are said by errorText. */
  words?: TErrorWords;
};

type TFocusRequest = { tick: number; path?: string };

export type TRecordForm<V extends FieldValues> = {
  control: Control<V>;
  /** react-hook-form's own handle, for what this adapter does not wrap (watch, getFieldState…). */
  methods: UseFormReturn<V>;
  getValues: () => V;
  /** Sets a value as the user would (dirty, its old errors gone): the "all done" button, a suggestion. */
  set: <N extends FieldPath<V>>(name: N, value: FieldPathValue<V, N>) => void;
  /** The values the form started from (or was last reset to): what "changed by the user" is measured against. */
  baseline: () => V;
  /** Differs from the baseline (react-hook-form's deep, key-order independent comparison). */
  dirty: boolean;
  errors: TFormErrors;
  formError: TFormError | null;
  conflict: TConflict | null;
  pending: boolean;
  submit: (event?: FormEvent) => Promise<void>;
  /**
   * After a 409 for a stale version: applies the user's changes over the current version and sends them.
   * With `current` (the current record as form values), only the fields the user changed since the form
   * opened are taken from theirs; everything else comes from the current record, so the other editor's
   * change to another field survives. Without it, all the user's values are sent again.
   */
  reapply: (current?: V) => Promise<void>;
  /** After a 409: drops the user's values; `next` (built from the current record) replaces them. */
  discardMine: (next?: V) => void;
  /** New starting values (the initial ones by default), with no errors. */
  reset: (next?: V) => void;
  clearErrorsAt: (path: string) => void;
  idFor: (path: string) => string;
  words?: TErrorWords;
  /** Where the focus goes once the errors of a refusal are on screen (RecordForm moves it). */
  focusRequest: TFocusRequest;
};

const VERSION = "version";

export const useRecordForm = <V extends FieldValues, R = unknown>(
  options: TRecordFormOptions<V, R>,
): TRecordForm<V> => {
  const id = useId();
  const [start] = useState<V>(options.initial);
  const methods = useForm<V>({ defaultValues: start as DefaultValues<V> });
  const [errors, setErrors] = useState<TFormErrors>({});
  const [formError, setFormError] = useState<TFormError | null>(null);
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const [pending, setPending] = useState(false);
  const [focusRequest, setFocusRequest] = useState<TFocusRequest>({ tick: 0 });
  const inFlight = useRef(false);
  // The latest options without re-creating the callbacks on every render.
  const opts = useRef(options);
  opts.current = options;
  // What the form started from: a field equal to it was not changed by the user.
  const baseline = useRef<V>(start);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;
  const { getValues, setValue, reset: resetValues } = methods;
  const dirty = methods.formState.isDirty;

  const focusAfterRefusal = useCallback((path?: string) => {
    setFocusRequest((f) => ({ tick: f.tick + 1, ...(path ? { path } : {}) }));
  }, []);

  const clearErrorsAt = useCallback((path: string) => {
    setErrors((e) => {
      const stale = Object.keys(e).filter((k) => k === path || k.startsWith(`${path}.`));
      if (stale.length === 0) return e;
      const next = { ...e };
      for (const k of stale) delete next[k];
      return next;
    });
  }, []);

  const set = useCallback(
    <N extends FieldPath<V>>(name: N, value: FieldPathValue<V, N>) => {
      setValue(name, value, { shouldDirty: true });
      clearErrorsAt(name);
    },
    [setValue, clearErrorsAt],
  );

  const reset = useCallback(
    (next?: V) => {
      const o = opts.current;
      const fresh = next ?? (typeof o.initial === "function" ? (o.initial as () => V)() : o.initial);
      baseline.current = fresh;
      resetValues(fresh);
      setErrors({});
      setFormError(null);
      setConflict(null);
    },
    [resetValues],
  );

  const run = useCallback(
    async (given?: V) => {
      if (inFlight.current) return;
      const o = opts.current;
      const values = given ?? getValues();
      const shaped = o.toBody ? o.toBody(values, baseline.current) : values;
      const body = o.fillEnglish === false ? shaped : fillBlankEnglish(shaped);
      const fieldOf = o.fieldOf;
      const mapField = fieldOf ? (path: string) => fieldOf(path, values) : undefined;
      const checked = o.endpoint.check(body);
      if (!checked.ok) {
        // An issue about the body as a whole (nothing to change) is the form's, not a field's.
        const { "": whole, ...found } = errorsFromIssues(checked.issues, body);
        const mapped: TFormErrors = {};
        for (const [path, error] of Object.entries(found)) mapped[mapField ? mapField(path) : path] ??= error;
        setErrors(mapped);
        setFormError(whole ?? { code: "summary" });
        setConflict(null);
        focusAfterRefusal();
        return;
      }
      inFlight.current = true;
      setPending(true);
      setErrors({});
      setFormError(null);
      try {
        const result = await checked.send();
        setConflict(null);
        o.onSuccess?.(result, values);
      } catch (error) {
        const refusal = o.refusal?.(error) ?? refusalOf(error, body, mapField);
        setErrors(refusal.fields);
        setFormError(refusal.form);
        setConflict(refusal.conflict);
        if (!refusal.conflict) focusAfterRefusal(refusal.focus);
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [getValues, focusAfterRefusal],
  );

  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      await run();
    },
    [run],
  );

  const reapply = useCallback(
    async (currentValues?: V) => {
      const current = conflictRef.current?.current;
      if (!current) return;
      const version = getIn(current, VERSION);
      const mine = getValues();
      const merged = currentValues === undefined ? mine : mergeChanges(baseline.current, mine, currentValues);
      const next = setIn(merged, VERSION, version);
      // The current record is the new starting point: a second conflict compares against it, and the
      // form is dirty exactly where the user's changes differ from it.
      if (currentValues !== undefined) baseline.current = setIn(currentValues, VERSION, version);
      resetValues(baseline.current);
      resetValues(next, { keepDefaultValues: true });
      setConflict(null);
      await run(next);
    },
    [getValues, resetValues, run],
  );

  const discardMine = useCallback((next?: V) => reset(next), [reset]);

  const idFor = useCallback((path: string) => `${id}-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`, [id]);

  return {
    control: methods.control,
    methods,
    getValues,
    set,
    baseline: () => baseline.current,
    dirty,
    errors,
    formError,
    conflict,
    pending,
    submit,
    reapply,
    discardMine,
    reset,
    clearErrorsAt,
    idFor,
    words: options.words,
    focusRequest,
  };
};
