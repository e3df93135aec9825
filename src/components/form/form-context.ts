import { createContext, useContext } from "react";
import type { TZodForm } from "@/lib/use-zod-form";

export const FormContext = createContext<TZodForm | null>(null);

export const useFormContext = (): TZodForm => {
  const form = useContext(FormContext);
  if (!form) throw new Error("form fields need a <ZodForm>");
  return form;
};

/** One control's view of the form: its id, value, setter and the error it owns. */
export const useField = (path: string) => {
  const form = useFormContext();
  form.register(path);
  return {
    form,
    id: form.idFor(path),
    value: form.getValue(path),
    set: (value: unknown) => form.setValue(path, value),
    error: form.errorOf(path),
  };
};
