import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { errorText } from "@/lib/form-errors";
import type { TZodForm } from "@/lib/use-zod-form";
import { FormContext } from "./form-context";
import "./form.css";

/**
 * What went wrong with the whole form: "n fields need attention", or a refusal no field owns (no right
 * to edit, the record was deleted, the meeting is closed). Errors no control on screen shows are listed
 * here, so none is ever silently dropped.
 */
export const FormErrorSummary = ({ form }: { form: TZodForm }) => {
  const i18n = useI18n();
  const { t } = i18n;
  if (!form.formError) return null;
  const count = Object.keys(form.errors).length;
  const orphans = form.orphanErrors();
  const message =
    form.formError.code === "summary"
      ? t("editing.err_summary", { n: count })
      : errorText(i18n, form.formError);
  return (
    <div className="form-error" role="alert" tabIndex={-1} data-form-summary>
      <p className="form-error-title">{message}</p>
      {orphans.length > 0 ? (
        <ul>
          {orphans.map(([path, error]) => (
            <li key={path}>
              <code>{path}</code>: {errorText(i18n, error)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

type TProps<V> = {
  form: TZodForm<V>;
  children: ReactNode;
  className?: string;
  "aria-labelledby"?: string;
  "aria-label"?: string;
};

/** The <form> element of a useZodForm: validation off in the browser (the schema does it), the summary on top. */
export const ZodForm = <V,>({ form, children, className, ...aria }: TProps<V>) => {
  const f = form as unknown as TZodForm;
  return (
    <FormContext.Provider value={f}>
      <form
        ref={f.formRef}
        noValidate
        className={`zod-form${className ? ` ${className}` : ""}`}
        onSubmit={(e) => void f.handleSubmit(e)}
        {...aria}
      >
        <FormErrorSummary form={f} />
        {children}
      </form>
    </FormContext.Provider>
  );
};
