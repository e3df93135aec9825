import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { describedBy, FieldGroup, FieldShell } from "./field-shell";
import { useField } from "./form-context";

export type TOption = { value: string; label: string };

type TSelectProps = {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  options: readonly TOption[];
  /** Offers an empty choice stored as null (when the field may be left unset). */
  nullable?: boolean;
  /** The text of the empty choice; "選択してください" by default. */
  placeholder?: string;
};

/** One choice from a list. Until something is chosen the value is "" (or null when nullable). */
export const SelectField = ({
  path,
  label,
  hint,
  required,
  options,
  nullable,
  placeholder,
}: TSelectProps) => {
  const { t } = useI18n();
  const { id, value, set, error } = useField(path);
  const current = typeof value === "string" ? value : "";
  const known = current === "" || options.some((o) => o.value === current);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} kind="select" required={required}>
      {(control) => (
        <select
          {...control}
          name={path}
          value={current}
          onChange={(e) => set(e.target.value === "" && nullable ? null : e.target.value)}
        >
          <option value="">
            {placeholder ?? (nullable ? t("editing.noneChosen") : t("editing.choose"))}
          </option>
          {/* A value the list no longer has (a deleted reference) stays visible rather than silently changing. */}
          {known ? null : <option value={current}>{current}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
};

type TMultiProps = {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  options: readonly TOption[];
  /** Options not to offer (the main document among its citations). */
  exclude?: readonly string[];
};

/** Several ids from a list, as checkboxes with names; the value keeps the order of the list. */
export const MultiSelectField = ({ path, legend, hint, required, options, exclude = [] }: TMultiProps) => {
  const { id, value, set, error } = useField(path);
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const shownOptions = options.filter((o) => !exclude.includes(o.value) || chosen.includes(o.value));
  const toggle = (optionValue: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(optionValue);
    else next.delete(optionValue);
    const order = options.map((o) => o.value);
    set([...next].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  const described = describedBy(id, hint, error);
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error} kind="multi" required={required}>
      <ul className="field-choices">
        {shownOptions.map((o, i) => (
          <li key={o.value}>
            <label className="field-check">
              <input
                type="checkbox"
                name={path}
                value={o.value}
                id={i === 0 ? id : undefined}
                checked={chosen.includes(o.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={described}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
};

/** One of a few choices shown at once (radio buttons). */
export const RadioField = ({ path, legend, hint, required, options }: Omit<TMultiProps, "exclude">) => {
  const { id, value, set, error } = useField(path);
  const described = describedBy(id, hint, error);
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error} kind="select" required={required}>
      <div className="field-radios">
        {options.map((o, i) => (
          <label key={o.value} className="field-check">
            <input
              type="radio"
              name={`${id}-${path}`}
              value={o.value}
              id={i === 0 ? id : undefined}
              checked={value === o.value}
              aria-invalid={error ? true : undefined}
              aria-describedby={described}
              onChange={() => set(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
};
