import type { ReactNode } from "react";
import type { Control, FieldPathByValue, FieldValues } from "react-hook-form";
import type { TFieldKind } from "@/lib/form-errors";
import { FieldShell } from "./field-shell";
import { useFormField } from "./form-kit-context";

/**
 * The path of a text: a string, or with `nullable` a string or null (blank is stored as null, an optional
 * field). A path to anything else, or to an optional text without `nullable`, does not compile.
 */
export type TTextName<V extends FieldValues> =
  | { nullable: true; name: FieldPathByValue<V, string | null> }
  | { nullable?: false; name: FieldPathByValue<V, string> };

type TProps<V extends FieldValues> = TTextName<V> & {
  control: Control<V>;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  kind?: TFieldKind;
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  /** "password" hides what is typed (sign-in). */
  type?: "text" | "password";
  autoCapitalize?: "none";
  spellCheck?: boolean;
};

const stored = (raw: string, nullable?: boolean) => (nullable && raw.trim() === "" ? null : raw);

/** A one-line text. */
export const TextField = <V extends FieldValues>({
  control,
  name,
  nullable,
  label,
  hint,
  required,
  kind = "text",
  type = "text",
  ...rest
}: TProps<V>) => {
  const { id, value, set, error } = useFormField(control, name);
  return (
    <FieldShell id={id} path={name} label={label} hint={hint} error={error} kind={kind} required={required}>
      {(control) => (
        <input
          {...control}
          {...rest}
          name={name}
          type={type}
          autoComplete={rest.autoComplete ?? "off"}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => set(stored(e.target.value, nullable))}
        />
      )}
    </FieldShell>
  );
};

/** Several lines of text (a note, evidence). */
export const TextAreaField = <V extends FieldValues>({
  control,
  name,
  nullable,
  label,
  hint,
  required,
  rows = 3,
  maxLength,
}: TTextName<V> & {
  control: Control<V>;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}) => {
  const { id, value, set, error } = useFormField(control, name);
  return (
    <FieldShell id={id} path={name} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          rows={rows}
          maxLength={maxLength}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => set(stored(e.target.value, nullable))}
        />
      )}
    </FieldShell>
  );
};
