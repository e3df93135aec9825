import type { ReactNode } from "react";
import { describedBy, FieldError } from "./field-shell";
import { useField } from "./form-context";

type TProps = {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
};

/** A yes/no fact as one checkbox (e.g. "from outside the association's record"), stored as a boolean. */
export const CheckField = ({ path, label, hint }: TProps) => {
  const { id, value, set, error } = useField(path);
  return (
    <div className="field field-check-single">
      <label className="field-check" htmlFor={id}>
        <input
          id={id}
          name={path}
          type="checkbox"
          checked={value === true}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => set(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
};
