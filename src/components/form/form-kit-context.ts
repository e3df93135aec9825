import { createContext, useContext, useLayoutEffect } from "react";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import type { TErrorWords, TFormError, TFormErrors } from "@/lib/form-errors";

/**
 * What the controls of one <RecordForm> share besides their values (those are react-hook-form's): the
 * errors and which control shows each, the DOM ids, whether a write is in flight. It changes when a submit
 * starts or ends or an error is corrected, never while typing, so no keystroke re-renders the whole form.
 */
export type TFormKit = {
  /** A stable DOM id for the control at `path`. */
  idFor: (path: string) => string;
  errors: TFormErrors;
  formError: TFormError | null;
  /** The error the control at `path` shows: those whose nearest mounted control is this one. */
  errorOf: (path: string) => TFormError | undefined;
  /** Errors no mounted control owns: the summary lists them, so none is lost. */
  orphanErrors: () => [string, TFormError][];
  /** A control announces its path while it is mounted; the returned function withdraws it. */
  register: (path: string) => () => void;
  /** The user changed the control at `path`: its old errors go (the others stay until the next submit). */
  clearErrorsAt: (path: string) => void;
  pending: boolean;
  /** The value at a path as it is now (an entry being removed, kept for its undo). */
  valueAt: (path: string) => unknown;
  /** The form's own words for some errors (the users page's, the sign-in page's). */
  words?: TErrorWords;
  /** Bumped when the mounted controls change while errors are shown, so owners are found again. */
  mounted: number;
};

export const FormKitContext = createContext<TFormKit | null>(null);

export const useFormKit = (): TFormKit => {
  const kit = useContext(FormKitContext);
  if (!kit) throw new Error("form controls need a <RecordForm>");
  return kit;
};

/**
 * One control's place in its form: its id, the error it shows and what to call when the user changes it.
 * The path is registered while the control is mounted (a layout effect, so the form knows every owner
 * before it paints and before it moves the focus), and withdrawn when it unmounts.
 */
export const useFieldError = (path: string) => {
  const kit = useFormKit();
  const { register } = kit;
  useLayoutEffect(() => register(path), [register, path]);
  return { id: kit.idFor(path), error: kit.errorOf(path), changed: () => kit.clearErrorsAt(path) };
};

/**
 * A typed control's value (react-hook-form's, for this path only: typing re-renders this control alone),
 * its setter, and its place in the form. `name` is checked against the form's values by the caller's type.
 */
export const useFormField = <V extends FieldValues>(control: Control<V>, name: FieldPath<V>) => {
  const { field } = useController({ control, name });
  const place = useFieldError(name);
  const onChange: (value: unknown) => void = field.onChange;
  return {
    ...place,
    value: field.value as unknown,
    set: (value: unknown) => {
      place.changed();
      onChange(value);
    },
  };
};
