import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import type { TMessage } from "./user-errors";

type TProps = {
  id: string;
  label: string;
  hint?: string;
  error?: TMessage;
  /** Renders the control with the ids that tie it to its hint and error. */
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
};

/** A labelled control with its hint and, when refused, the reason right below it. */
export const UserField = ({ id, label, hint, error, children }: TProps) => {
  const { t } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {t(error.key, error.vars)}
        </p>
      ) : null}
    </div>
  );
};
