import type { ReactNode } from "react";
import type { Control, FieldPathByValue, FieldValues } from "react-hook-form";
import { describedBy, FieldError } from "./field-shell";
import { useFormField } from "./form-kit-context";

type TProps<V extends FieldValues> = {
  control: Control<V>;
  name: FieldPathByValue<V, boolean>;
  label: ReactNode;
  hint?: ReactNode;
};

/** A yes/no fact as one checkbox (e.g. "from outside the association's record"), stored as a boolean. */
export const CheckField = <V extends FieldValues>({ control, name, label, hint }: TProps<V>) => {
  const { id, value, set, error } = useFormField(control, name);
  return (
    <div className="field field-check-single">
      <label className="field-check" htmlFor={id}>
        <input
          id={id}
          name={name}
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
      <FieldError id={`${id}-error`} error={error} path={name} />
    </div>
  );
};
