import type { ReactNode } from "react";
import type { Control, FieldValues } from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import { FieldShell } from "./field-shell";
import { useFormField } from "./form-kit-context";
import type { TTextName } from "./text-field";

type TProps<V extends FieldValues> = TTextName<V> & {
  control: Control<V>;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** Accepts a month alone (YYYY-MM) when the source gives no day, as 資料3 does. */
  partial?: boolean;
  /** The latest day offered by the picker (YYYY-MM-DD), e.g. today for a date that cannot be in the future. */
  max?: string;
};

/**
 * A day (YYYY-MM-DD, with the browser's date picker) or, with `partial`, a day or a month. With
 * `nullable` (an optional date) blank is stored as null.
 */
export const DateField = <V extends FieldValues>({
  control,
  name,
  label,
  hint,
  required,
  nullable,
  partial,
  max,
}: TProps<V>) => {
  const { t } = useI18n();
  const { id, value, set, error } = useFormField(control, name);
  const text = typeof value === "string" ? value : "";
  const store = (raw: string) => set(nullable && raw.trim() === "" ? null : raw.trim());
  return (
    <FieldShell
      id={id}
      path={name}
      label={label}
      hint={hint ?? (partial ? t("editing.partialDateHint") : undefined)}
      error={error}
      kind={partial ? "partialDate" : "date"}
      required={required}
    >
      {(control) =>
        partial ? (
          <input
            {...control}
            name={name}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="YYYY-MM-DD"
            className="field-date"
            value={text}
            onChange={(e) => store(e.target.value)}
          />
        ) : (
          <input
            {...control}
            name={name}
            type="date"
            className="field-date"
            max={max}
            value={text}
            onChange={(e) => store(e.target.value)}
          />
        )
      }
    </FieldShell>
  );
};
