import { type ReactNode, useEffect, useState } from "react";
import { type Control, type FieldPathByValue, type FieldValues, useController } from "react-hook-form";
import { FieldShell } from "./field-shell";
import { useFieldError } from "./form-kit-context";

/**
 * What the user typed as a number: full-width digits and thousands separators are accepted (they are
 * how a Japanese report writes 1,860); blank is null (never 0); anything else is NaN, which the
 * schema refuses with a message next to the field.
 */
export const parseNumber = (raw: string): number | null => {
  const ascii = raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, "");
  if (ascii === "") return null;
  return /^-?\d+(\.\d+)?$/.test(ascii) ? Number(ascii) : Number.NaN;
};

const shown = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? String(value) : "");

const same = (parsed: number | null, value: unknown) =>
  Object.is(parsed, value) || (parsed === null && (value === null || value === undefined));

type TDisplay = {
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** A unit shown after the box (名, 円). */
  unit?: ReactNode;
};

/** The number box itself, for a value held by a larger control (a figure's number). */
export const NumberInput = ({
  path,
  value,
  onChange,
  label,
  hint,
  required,
  unit,
}: TDisplay & { path: string; value: unknown; onChange: (value: number | null) => void }) => {
  const { id, error, changed } = useFieldError(path);
  // The raw text stays as typed ("1,860", "abc") so a refusal never rewrites what the user sees.
  const [raw, setRaw] = useState(() => shown(value));
  // A value set from outside (a reset, "discard mine") replaces the text; the user's own typing never does.
  useEffect(() => {
    setRaw((r) => (same(parseNumber(r), value) ? r : shown(value)));
  }, [value]);
  return (
    <FieldShell id={id} path={path} label={label} hint={hint} error={error} kind="number" required={required}>
      {(control) => (
        <span className="field-with-unit">
          <input
            {...control}
            name={path}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="field-number"
            value={raw}
            onChange={(e) => {
              setRaw(e.target.value);
              changed();
              onChange(parseNumber(e.target.value));
            }}
          />
          {unit ? <span className="field-unit">{unit}</span> : null}
        </span>
      )}
    </FieldShell>
  );
};

/** A number the user types; blank is null. */
export const NumberField = <V extends FieldValues>({
  control,
  name,
  ...display
}: TDisplay & { control: Control<V>; name: FieldPathByValue<V, number | null> }) => {
  const { field } = useController({ control, name });
  return <NumberInput path={name} value={field.value} onChange={field.onChange} {...display} />;
};
