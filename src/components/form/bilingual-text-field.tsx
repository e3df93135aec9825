import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { FieldError, FieldGroup, RequiredMark } from "./field-shell";
import { useField } from "./form-context";

type TProps = {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** The Japanese is required (the record's language); pass false for an optional text such as a note. */
  required?: boolean;
  multiline?: boolean;
  rows?: number;
};

type TText = { ja: string; en: string };

const asText = (value: unknown): TText => {
  const v = (value ?? {}) as Partial<TText>;
  return { ja: typeof v.ja === "string" ? v.ja : "", en: typeof v.en === "string" ? v.en : "" };
};

/**
 * A text in Japanese (the record's language) and English. English may be left blank: it is then filled
 * from the Japanese on submit (see fillBlankEnglish), and the hint says so.
 */
export const BilingualTextField = ({ path, legend, hint, required = true, multiline, rows = 3 }: TProps) => {
  const { t } = useI18n();
  const group = useField(path);
  const ja = useField(`${path}.ja`);
  const en = useField(`${path}.en`);
  const text = asText(group.value);
  const set = (side: keyof TText, value: string) => {
    // A null text (an optional note) becomes an object when the user starts writing it.
    if (group.value === null || typeof group.value !== "object") group.set({ ...text, [side]: value });
    else if (side === "ja") ja.set(value);
    else en.set(value);
  };
  const Control = multiline ? "textarea" : "input";
  const side = (which: keyof TText, f: typeof ja) => {
    const described = [`${f.id}-hint`, f.error ? `${f.id}-error` : null].filter(Boolean).join(" ");
    return (
      <div className="field bilingual-side">
        <label htmlFor={f.id}>
          {which === "ja" ? t("editing.japanese") : t("editing.englishOptional")}
          {which === "ja" && required ? <RequiredMark /> : null}
        </label>
        <p id={`${f.id}-hint`} className="field-hint">
          {which === "ja" ? t("editing.japaneseHint") : t("editing.englishHint")}
        </p>
        <Control
          id={f.id}
          name={`${path}.${which}`}
          {...(multiline ? { rows } : { type: "text", autoComplete: "off" })}
          lang={which}
          value={text[which]}
          aria-invalid={f.error ? true : undefined}
          aria-required={which === "ja" && required ? true : undefined}
          aria-describedby={described}
          onChange={(e: { target: { value: string } }) => set(which, e.target.value)}
        />
        <FieldError id={`${f.id}-error`} error={f.error} />
      </div>
    );
  };
  return (
    <FieldGroup id={group.id} legend={legend} hint={hint} error={group.error} className="bilingual">
      <div className="bilingual-sides">
        {side("ja", ja)}
        {side("en", en)}
      </div>
    </FieldGroup>
  );
};
