import type { ReactNode } from "react";
import type { Control, FieldPath, FieldPathByValue, FieldPathValue, FieldValues } from "react-hook-form";
import type { TFieldKind } from "@/lib/form-errors";
import { FieldShell } from "./field-shell";
import { useFormField } from "./form-kit-context";

/** A path whose value is a T or null and may be null: storing null there (a blank, none) is no lie. */
export type TNullablePath<V extends FieldValues, T> = {
  [K in FieldPath<V>]: null extends FieldPathValue<V, K>
    ? FieldPathValue<V, K> extends T | null
      ? K
      : never
    : never;
}[FieldPath<V>];

/**
 * The path of a text: a string, or with `nullable` a string that may be null (blank is stored as null, an
 * optional field). A path to anything else, an optional text without `nullable` or a required one with
 * it, does not compile.
 */
export type TTextName<V extends FieldValues> =
  | { nullable: true; name: TNullablePath<V, string> }
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
