import type { ReactNode } from "react";
import { type Control, type FieldPathByValue, type FieldValues, useController } from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import { FieldError, FieldGroup, RequiredMark } from "./field-shell";
import { useFieldError } from "./form-kit-context";

export type TText = { ja: string; en: string };

type TDisplay = {
  legend: ReactNode;
  hint?: ReactNode;
  /** The Japanese is required (the record's language); pass false for an optional text such as a note. */
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  /**
   * Each side's own hint (the record's wording / blank English is filled from Japanese). Off for the
   * short entries of a long list, whose list says it once.
   */
  sideHints?: boolean;
};

const asText = (value: unknown): TText => {
  const v = (value ?? {}) as Partial<TText>;
  return { ja: typeof v.ja === "string" ? v.ja : "", en: typeof v.en === "string" ? v.en : "" };
};

/** The two boxes themselves, for a text held by a larger control (a figure's words). */
export const BilingualTextInput = ({
  path,
  value,
  onChange,
  legend,
  hint,
  required = true,
  multiline,
  rows = 3,
  sideHints = true,
}: TDisplay & { path: string; value: unknown; onChange: (value: TText) => void }) => {
  const { t } = useI18n();
  const group = useFieldError(path);
  const ja = useFieldError(`${path}.ja`);
  const en = useFieldError(`${path}.en`);
  const text = asText(value);
  const set = (side: keyof TText, next: string) => {
    // A null text (an optional note) becomes an object when the user starts writing it.
    if (value === null || typeof value !== "object") group.changed();
    else (side === "ja" ? ja : en).changed();
    onChange({ ...text, [side]: next });
  };
  const Control = multiline ? "textarea" : "input";
  const side = (which: keyof TText, f: typeof ja) => {
    const described =
      [sideHints ? `${f.id}-hint` : null, f.error ? `${f.id}-error` : null].filter(Boolean).join(" ") ||
      undefined;
    return (
      <div className="field bilingual-side">
        <label htmlFor={f.id}>
          {which === "ja" ? t("editing.japanese") : t("editing.englishOptional")}
          {which === "ja" && required ? <RequiredMark /> : null}
        </label>
        {sideHints ? (
          <p id={`${f.id}-hint`} className="field-hint">
            {which === "ja" ? t("editing.japaneseHint") : t("editing.englishHint")}
          </p>
        ) : null}
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
        <FieldError id={`${f.id}-error`} error={f.error} path={`${path}.${which}`} />
      </div>
    );
  };
  return (
    <FieldGroup
      id={group.id}
      path={path}
      legend={legend}
      hint={hint}
      error={group.error}
      className="bilingual"
    >
      <div className="bilingual-sides">
        {side("ja", ja)}
        {side("en", en)}
      </div>
    </FieldGroup>
  );
};

/**
 * A text in Japanese (the record's language) and English. English may be left blank: it is then filled
 * from the Japanese on submit (see fillBlankEnglish), and the hint says so. An optional text may be null
 * until the user writes it.
 */
export const BilingualTextField = <V extends FieldValues>({
  control,
  name,
  ...display
}: TDisplay & { control: Control<V>; name: FieldPathByValue<V, TText | null> }) => {
  const { field } = useController({ control, name });
  return <BilingualTextInput path={name} value={field.value} onChange={field.onChange} {...display} />;
};
