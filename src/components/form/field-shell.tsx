import { type ReactNode, useContext } from "react";
import { useI18n } from "@/i18n/i18n";
import { type TFieldKind, type TFormError, wordedError } from "@/lib/form-errors";
import { FormKitContext } from "./form-kit-context";

export type TControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

type TShellProps = {
  id: string;
  /** The control's path, for a form that words some errors its own way. */
  path?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: TFormError;
  kind?: TFieldKind;
  required?: boolean;
  className?: string;
  /** Renders the control with the attributes that tie it to its label, hint and error. */
  children: (control: TControlProps) => ReactNode;
};

/**
 * The message for an error, in the reader's language and in the terms of the control it belongs to (or
 * in the form's own words for it, when the form has some).
 */
export const FieldError = ({
  id,
  error,
  kind,
  path = "",
}: {
  id: string;
  error?: TFormError;
  kind?: TFieldKind;
  path?: string;
}) => {
  const i18n = useI18n();
  const words = useContext(FormKitContext)?.words;
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {wordedError(i18n, error, { kind, path, words })}
    </p>
  );
};

export const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** "必須" next to a label: said in words, not by an asterisk alone. */
export const RequiredMark = () => {
  const { t } = useI18n();
  return (
    <>
      {" "}
      <span className="field-required">{t("editing.required")}</span>
    </>
  );
};

/** A labelled control: label above, hint below it, and the error right under the control. */
export const FieldShell = ({
  id,
  path,
  label,
  hint,
  error,
  kind,
  required,
  className,
  children,
}: TShellProps) => {
  const describedByIds = describedBy(id, hint, error);
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(describedByIds ? { "aria-describedby": describedByIds } : {}),
        ...(required ? { "aria-required": true as const } : {}),
      })}
      <FieldError id={`${id}-error`} error={error} kind={kind} path={path} />
    </div>
  );
};

type TGroupProps = {
  id: string;
  path?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: TFormError;
  kind?: TFieldKind;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

/** A group of controls (choices, a bilingual pair, a figure) under one legend, with the group's error. */
export const FieldGroup = ({
  id,
  path,
  legend,
  hint,
  error,
  kind,
  required,
  className,
  children,
}: TGroupProps) => (
  <fieldset
    className={`field field-group${className ? ` ${className}` : ""}`}
    aria-describedby={describedBy(id, hint, error)}
  >
    <legend>
      {legend}
      {required ? <RequiredMark /> : null}
    </legend>
    {hint ? (
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    ) : null}
    {children}
    <FieldError id={`${id}-error`} error={error} kind={kind} path={path} />
  </fieldset>
);
