import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { FieldShell } from "./field-shell";
import { useField } from "./form-context";

type TProps = {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** Blank is stored as null (an optional date). */
  nullable?: boolean;
  /** Accepts a month alone (YYYY-MM) when the source gives no day, as 資料3 does. */
  partial?: boolean;
  /** The latest day offered by the picker (YYYY-MM-DD), e.g. today for a date that cannot be in the future. */
  max?: string;
};

/** A day (YYYY-MM-DD, with the browser's date picker) or, with `partial`, a day or a month. */
export const DateField = ({ path, label, hint, required, nullable, partial, max }: TProps) => {
  const { t } = useI18n();
  const { id, value, set, error } = useField(path);
  const text = typeof value === "string" ? value : "";
  const store = (raw: string) => set(nullable && raw.trim() === "" ? null : raw.trim());
  return (
    <FieldShell
      id={id}
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
            name={path}
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
            name={path}
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
