import type { ReactNode } from "react";
import type { TFieldKind } from "@/lib/form-errors";
import { FieldShell } from "./field-shell";
import { useField } from "./form-context";

type TProps = {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** Blank is stored as null (an optional field) instead of "". */
  nullable?: boolean;
  kind?: TFieldKind;
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
};

const stored = (raw: string, nullable?: boolean) => (nullable && raw.trim() === "" ? null : raw);

/** A one-line text. */
export const TextField = ({ path, label, hint, required, nullable, kind = "text", ...rest }: TProps) => {
  const { id, value, set, error } = useField(path);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} kind={kind} required={required}>
      {(control) => (
        <input
          {...control}
          {...rest}
          name={path}
          type="text"
          autoComplete={rest.autoComplete ?? "off"}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => set(stored(e.target.value, nullable))}
        />
      )}
    </FieldShell>
  );
};

/** Several lines of text (a note, evidence). */
export const TextAreaField = ({
  path,
  label,
  hint,
  required,
  nullable,
  rows = 3,
  maxLength,
}: TProps & { rows?: number }) => {
  const { id, value, set, error } = useField(path);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <textarea
          {...control}
          name={path}
          rows={rows}
          maxLength={maxLength}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => set(stored(e.target.value, nullable))}
        />
      )}
    </FieldShell>
  );
};
