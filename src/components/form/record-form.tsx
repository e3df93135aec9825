import { type ReactNode, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { FieldValues } from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import { getIn, wordedError } from "@/lib/form-errors";
import { FormKitContext, type TFormKit, useFormKit } from "./form-kit-context";
import type { TRecordForm } from "./use-record-form";
import "./form.css";

/**
 * What went wrong with the whole form: "n fields need attention", or a refusal no field owns (no right
 * to edit, the record was deleted, the meeting is closed). Errors no control on screen shows are listed
 * here, so none is ever silently dropped.
 */
export const FormErrorSummary = () => {
  const i18n = useI18n();
  const kit = useFormKit();
  if (!kit.formError) return null;
  const { words } = kit;
  const orphans = kit.orphanErrors();
  const message =
    kit.formError.code === "summary" && !words?.(kit.formError, "")
      ? i18n.tp("editing.err_summary", Object.keys(kit.errors).length)
      : wordedError(i18n, kit.formError, { words });
  return (
    <div className="form-error" role="alert" tabIndex={-1} data-form-summary>
      <p className="form-error-title">{message}</p>
      {orphans.length > 0 ? (
        <ul>
          {orphans.map(([path, error]) => (
            <li key={path}>
              <code>{path}</code>: {wordedError(i18n, error, { path, words })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

/** The longest mounted path that is the error's path or one of its ancestors. */
const ownerOf = (mounted: ReadonlyMap<string, number>, errorPath: string): string | null => {
  let best: string | null = null;
  for (const p of mounted.keys()) {
    if ((errorPath === p || errorPath.startsWith(`${p}.`)) && (best === null || p.length > best.length))
      best = p;
  }
  return best;
};

type TProps<V extends FieldValues> = {
  form: TRecordForm<V>;
  /** Drawn above the summary (a form that carries its own heading). */
  heading?: ReactNode;
  children: ReactNode;
  className?: string;
  hidden?: boolean;
  "aria-labelledby"?: string;
  "aria-label"?: string;
};

/**
 * The <form> of a useRecordForm: the browser's own validation off (the endpoint's schema does it), the
 * summary on top. It knows which controls are mounted, so each error shows next to the nearest one, and
 * after a refusal it moves the focus to the first invalid control, or to the summary when none owns one.
 */
export const RecordForm = <V extends FieldValues>({
  form,
  heading,
  children,
  className,
  ...rest
}: TProps<V>) => {
  const formRef = useRef<HTMLFormElement>(null);
  const mounted = useRef(new Map<string, number>());
  // Counts (un)registrations; `seen` is the count the controls last rendered with.
  const changes = useRef(0);
  const [seen, setSeen] = useState(0);
  const showing = Object.keys(form.errors).length > 0;
  const showingRef = useRef(showing);
  showingRef.current = showing;
  const handledFocus = useRef(0);

  const register = useCallback((path: string) => {
    const count = mounted.current;
    count.set(path, (count.get(path) ?? 0) + 1);
    changes.current += 1;
    // A control that appears next to shown errors (an entry opened to show its error) may own one.
    if (showingRef.current) setSeen(changes.current);
    return () => {
      const left = (count.get(path) ?? 1) - 1;
      if (left === 0) count.delete(path);
      else count.set(path, left);
      changes.current += 1;
      if (showingRef.current) setSeen(changes.current);
    };
  }, []);

  // Runs after the controls' own layout effects, so every mounted control is known here.
  useLayoutEffect(() => {
    if (showing && seen !== changes.current) {
      setSeen(changes.current);
      return;
    }
    const request = form.focusRequest;
    if (request.tick === handledFocus.current) return;
    handledFocus.current = request.tick;
    const element = formRef.current;
    if (!element) return;
    const wanted = request.path ? document.getElementById(form.idFor(request.path)) : null;
    const target =
      wanted ??
      element.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      element.querySelector<HTMLElement>("[data-form-summary]");
    target?.focus();
  });

  const { errors, formError, pending, idFor, clearErrorsAt, words, getValues } = form;
  const kit = useMemo<TFormKit>(
    () => ({
      idFor,
      errors,
      formError,
      errorOf: (path) => {
        for (const [p, e] of Object.entries(errors)) {
          if (ownerOf(mounted.current, p) === path) return e;
        }
        return undefined;
      },
      orphanErrors: () => Object.entries(errors).filter(([p]) => ownerOf(mounted.current, p) === null),
      register,
      clearErrorsAt,
      pending,
      valueAt: (path) => getIn(getValues(), path),
      words,
      mounted: seen,
    }),
    [idFor, errors, formError, register, clearErrorsAt, pending, getValues, words, seen],
  );

  return (
    <FormKitContext.Provider value={kit}>
      <form
        ref={formRef}
        noValidate
        className={`form-kit${className ? ` ${className}` : ""}`}
        onSubmit={(e) => void form.submit(e)}
        {...rest}
      >
        {heading}
        <FormErrorSummary />
        {children}
      </form>
    </FormKitContext.Provider>
  );
};
