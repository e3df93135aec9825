import type { ReactNode } from "react";
import { type Control, type FieldPathByValue, type FieldValues, useController } from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import { describedBy, FieldGroup, FieldShell } from "./field-shell";
import { useFieldError, useFormField } from "./form-kit-context";
import type { TTextName } from "./text-field";

export type TOption = { value: string; label: string };

type TSelectDisplay = {
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  options: readonly TOption[];
  /** The text of the empty choice ("選択してください" by default); null offers no empty choice at all. */
  placeholder?: string | null;
};

/** The select itself, for a value held by a larger control (a source's document). */
export const SelectInput = ({
  path,
  value,
  onChange,
  nullable,
  label,
  hint,
  required,
  options,
  placeholder,
}: TSelectDisplay & {
  path: string;
  value: unknown;
  onChange: (value: string | null) => void;
  nullable?: boolean;
}) => {
  const { t } = useI18n();
  const { id, error, changed } = useFieldError(path);
  const current = typeof value === "string" ? value : "";
  const known = current === "" || options.some((o) => o.value === current);
  return (
    <FieldShell id={id} path={path} label={label} hint={hint} error={error} kind="select" required={required}>
      {(control) => (
        <select
          {...control}
          name={path}
          value={current}
          onChange={(e) => {
            changed();
            onChange(e.target.value === "" && nullable ? null : e.target.value);
          }}
        >
          {placeholder === null ? null : (
            <option value="">
              {placeholder ?? (nullable ? t("editing.noneChosen") : t("editing.choose"))}
            </option>
          )}
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

/**
 * One choice from a list. Until something is chosen the value is "" (or, with `nullable`, null: an
 * optional reference).
 */
export const SelectField = <V extends FieldValues>({
  control,
  name,
  nullable,
  ...display
}: TSelectDisplay & TTextName<V> & { control: Control<V> }) => {
  const { field } = useController({ control, name });
  return (
    <SelectInput path={name} value={field.value} onChange={field.onChange} nullable={nullable} {...display} />
  );
};

type TMultiDisplay = {
  legend: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  options: readonly TOption[];
  /** Options not to offer (the main document among its citations). */
  exclude?: readonly string[];
};

/** The checkboxes themselves, for a list held by a larger control (a source's citations). */
export const MultiSelectInput = ({
  path,
  value,
  onChange,
  legend,
  hint,
  required,
  options,
  exclude = [],
}: TMultiDisplay & { path: string; value: unknown; onChange: (value: string[]) => void }) => {
  const { id, error, changed } = useFieldError(path);
  const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  const shownOptions = options.filter((o) => !exclude.includes(o.value) || chosen.includes(o.value));
  const toggle = (optionValue: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(optionValue);
    else next.delete(optionValue);
    const order = options.map((o) => o.value);
    changed();
    onChange([...next].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  const described = describedBy(id, hint, error);
  return (
    <FieldGroup
      id={id}
      path={path}
      legend={legend}
      hint={hint}
      error={error}
      kind="multi"
      required={required}
    >
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

/** Several ids from a list, as checkboxes with names; the value keeps the order of the list. */
export const MultiSelectField = <V extends FieldValues>({
  control,
  name,
  ...display
}: TMultiDisplay & { control: Control<V>; name: FieldPathByValue<V, string[]> }) => {
  const { field } = useController({ control, name });
  return <MultiSelectInput path={name} value={field.value} onChange={field.onChange} {...display} />;
};

/** One of a few choices shown at once (radio buttons). */
export const RadioField = <V extends FieldValues>({
  control,
  name,
  legend,
  hint,
  required,
  options,
}: Omit<TMultiDisplay, "exclude"> & { control: Control<V>; name: FieldPathByValue<V, string> }) => {
  const { id, value, set, error } = useFormField(control, name);
  const described = describedBy(id, hint, error);
  return (
    <FieldGroup
      id={id}
      path={name}
      legend={legend}
      hint={hint}
      error={error}
      kind="select"
      required={required}
    >
      <div className="field-radios">
        {options.map((o, i) => (
          <label key={o.value} className="field-check">
            <input
              type="radio"
              name={`${id}-${name}`}
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
