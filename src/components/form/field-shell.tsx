import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { errorText, type TFieldKind, type TFormError } from "@/lib/form-errors";

export type TControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

type TShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: TFormError;
  kind?: TFieldKind;
  required?: boolean;
  className?: string;
  /** Renders the control with the attributes that tie it to its label, hint and error. */
  children: (control: TControlProps) => ReactNode;
};

/** The message for an error, in the reader's language and in the terms of the control it belongs to. */
export const FieldError = ({ id, error, kind }: { id: string; error?: TFormError; kind?: TFieldKind }) => {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {errorText(i18n, error, kind)}
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
export const FieldShell = ({ id, label, hint, error, kind, required, className, children }: TShellProps) => {
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
      <FieldError id={`${id}-error`} error={error} kind={kind} />
    </div>
  );
};

type TGroupProps = {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: TFormError;
  kind?: TFieldKind;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

/** A group of controls (choices, a bilingual pair, a figure) under one legend, with the group's error. */
export const FieldGroup = ({ id, legend, hint, error, kind, required, className, children }: TGroupProps) => (
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
    <FieldError id={`${id}-error`} error={error} kind={kind} />
  </fieldset>
);
