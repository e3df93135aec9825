import { type ReactNode, useRef } from "react";
import { type Control, type FieldPathByValue, type FieldValues, useController } from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import type { TFigure } from "@/shared/schemas/common";
import { BilingualTextInput, type TText } from "./bilingual-text-field";
import { describedBy, FieldGroup } from "./field-shell";
import { useFieldError } from "./form-kit-context";
import { NumberInput } from "./number-field";
import { SourceRefInput, type TSourceValue } from "./source-ref-field";

type TStatus = TFigure["status"];
const STATUSES: readonly TStatus[] = ["reported", "approximate", "derived", "not_reported"];
/** 確認の結果なし: offered only where a source can say "none, after checking" (who was affected). */
const WITH_CONFIRMED_NONE: readonly TStatus[] = [...STATUSES, "confirmed_none"];
const EMPTY_TEXT: TText = { ja: "", en: "" };
const EMPTY_SOURCE: TSourceValue = { documentId: "", cites: [] };

/**
 * A figure while it is being edited: any part may still be missing (no status chosen yet, a number not
 * typed), or the whole may be null. A stored figure (TFigure) is one of these, so a form's values can
 * hold either; the endpoint's schema decides on submit.
 */
export type TFigureDraft = {
  status?: TStatus;
  value?: number | null;
  label?: TText;
  formula?: TText;
  missing?: TText;
  source?: TSourceValue;
} | null;

type TParts = NonNullable<TFigureDraft>;

const asParts = (value: unknown): TParts =>
  value !== null && typeof value === "object" ? (value as TParts) : {};

/** The figure in the shape its status needs: the strict schema refuses fields of another status. */
const shapeFor = (status: TStatus, from: TParts, kept: TParts): TParts => {
  const source = from.source ?? kept.source ?? EMPTY_SOURCE;
  const value = from.value ?? kept.value ?? null;
  switch (status) {
    case "reported":
      return { status, value, source };
    case "approximate":
      return { status, label: from.label ?? kept.label ?? EMPTY_TEXT, source };
    case "derived":
      return { status, value, formula: from.formula ?? kept.formula ?? EMPTY_TEXT, source };
    case "not_reported":
      return { status, missing: from.missing ?? kept.missing ?? EMPTY_TEXT, source };
    case "confirmed_none":
      return { status, source };
  }
};

type TProps<V extends FieldValues> = {
  control: Control<V>;
  name: FieldPathByValue<V, TFigureDraft>;
  legend: ReactNode;
  hint?: ReactNode;
  unit?: ReactNode;
  /** Shows the figure's own source; off when the form copies it from the record's source on submit. */
  withSource?: boolean;
  /** Offers 確認の結果なし (the source says none, after checking), a state apart from 未報告 and from 0. */
  confirmedNone?: boolean;
};

/**
 * A figure as the record knows it: reported (a number), approximate (the source's words, no invented
 * number), derived (a number and its formula) or not reported (what is missing), and, where offered,
 * confirmed none. "Not reported" is a choice of its own and never becomes 0; no status is chosen until
 * the user chooses one.
 */
export const FigureField = <V extends FieldValues>({
  control,
  name,
  legend,
  hint,
  unit,
  withSource = true,
  confirmedNone = false,
}: TProps<V>) => {
  const { t } = useI18n();
  const { field } = useController({ control, name });
  const group = useFieldError(name);
  const statusField = useFieldError(`${name}.status`);
  const figure = asParts(field.value);
  const set = (next: TParts) => field.onChange(next);
  // What the user typed under another status comes back when they switch back to it.
  const kept = useRef<TParts>({});
  const choose = (status: TStatus) => {
    kept.current = { ...kept.current, ...figure };
    group.changed();
    set(shapeFor(status, figure, kept.current));
  };
  const text = (part: "formula" | "label" | "missing", display: { legend: string; hint?: string }) => (
    <BilingualTextInput
      path={`${name}.${part}`}
      value={figure[part]}
      onChange={(next) => set({ ...figure, [part]: next })}
      {...display}
    />
  );
  const error = group.error ?? statusField.error;
  const described = describedBy(group.id, hint, error);
  return (
    <FieldGroup
      id={group.id}
      path={name}
      legend={legend}
      hint={hint}
      error={error}
      kind="select"
      className="figure-field"
    >
      <div className="field-radios" role="radiogroup" aria-label={t("editing.figureStatus")}>
        {(confirmedNone ? WITH_CONFIRMED_NONE : STATUSES).map((status, i) => (
          <label key={status} className="field-check">
            <input
              type="radio"
              name={`${group.id}-status`}
              id={i === 0 ? statusField.id : undefined}
              value={status}
              checked={figure.status === status}
              aria-invalid={error ? true : undefined}
              aria-describedby={described}
              onChange={() => choose(status)}
            />
            <span>{t(`editing.figure_${status}`)}</span>
          </label>
        ))}
      </div>
      {figure.status === "reported" || figure.status === "derived" ? (
        <NumberInput
          path={`${name}.value`}
          value={figure.value}
          onChange={(value) => set({ ...figure, value })}
          label={t("editing.figureValue")}
          required
          unit={unit}
        />
      ) : null}
      {figure.status === "derived" ? text("formula", { legend: t("editing.figureFormula") }) : null}
      {figure.status === "approximate"
        ? text("label", { legend: t("editing.figureLabel"), hint: t("editing.figureLabelHint") })
        : null}
      {figure.status === "not_reported"
        ? text("missing", { legend: t("editing.figureMissing"), hint: t("editing.figureMissingHint") })
        : null}
      {figure.status === "confirmed_none" ? (
        <p className="field-hint">{t("editing.figureConfirmedNoneHint")}</p>
      ) : null}
      {withSource && figure.status ? (
        <SourceRefInput
          path={`${name}.source`}
          value={figure.source}
          onChange={(source) => set({ ...figure, source })}
          legend={t("editing.figureSource")}
        />
      ) : null}
    </FieldGroup>
  );
};
