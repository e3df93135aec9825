import { type ReactNode, useRef } from "react";
import { useI18n } from "@/i18n/i18n";
import type { TFigure } from "@/shared/schemas/common";
import { BilingualTextField } from "./bilingual-text-field";
import { describedBy, FieldGroup } from "./field-shell";
import { useField } from "./form-context";
import { NumberField } from "./number-field";
import { SourceRefField } from "./source-ref-field";

type TStatus = TFigure["status"];
const STATUSES: readonly TStatus[] = ["reported", "approximate", "derived", "not_reported"];
const EMPTY_TEXT = { ja: "", en: "" };
const EMPTY_SOURCE = { documentId: "", cites: [] as string[] };

type TPartial = Partial<{
  status: TStatus;
  value: number | null;
  label: { ja: string; en: string };
  formula: { ja: string; en: string };
  missing: { ja: string; en: string };
  source: { documentId: string; cites: string[] };
}>;

/** The figure in the shape its status needs: the strict schema refuses fields of another status. */
const shapeFor = (status: TStatus, from: TPartial, kept: TPartial) => {
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
  }
};

type TProps = {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  unit?: ReactNode;
  /** Shows the figure's own source; off when the form copies it from the record's source on submit. */
  withSource?: boolean;
};

/**
 * A figure as the record knows it: reported (a number), approximate (the source's words, no invented
 * number), derived (a number and its formula) or not reported (what is missing). "Not reported" is a
 * choice of its own and never becomes 0; no status is chosen until the user chooses one.
 */
export const FigureField = ({ path, legend, hint, unit, withSource = true }: TProps) => {
  const { t } = useI18n();
  const field = useField(path);
  const statusField = useField(`${path}.status`);
  const figure = (field.value ?? {}) as TPartial;
  // What the user typed under another status comes back when they switch back to it.
  const kept = useRef<TPartial>({});
  const choose = (status: TStatus) => {
    kept.current = { ...kept.current, ...figure };
    field.set(shapeFor(status, figure, kept.current));
  };
  const error = field.error ?? statusField.error;
  const described = describedBy(field.id, hint, error);
  return (
    <FieldGroup
      id={field.id}
      legend={legend}
      hint={hint}
      error={error}
      kind="select"
      className="figure-field"
    >
      <div className="field-radios" role="radiogroup" aria-label={t("editing.figureStatus")}>
        {STATUSES.map((status, i) => (
          <label key={status} className="field-check">
            <input
              type="radio"
              name={`${field.id}-status`}
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
        <NumberField path={`${path}.value`} label={t("editing.figureValue")} required unit={unit} />
      ) : null}
      {figure.status === "derived" ? (
        <BilingualTextField path={`${path}.formula`} legend={t("editing.figureFormula")} />
      ) : null}
      {figure.status === "approximate" ? (
        <BilingualTextField
          path={`${path}.label`}
          legend={t("editing.figureLabel")}
          hint={t("editing.figureLabelHint")}
        />
      ) : null}
      {figure.status === "not_reported" ? (
        <BilingualTextField
          path={`${path}.missing`}
          legend={t("editing.figureMissing")}
          hint={t("editing.figureMissingHint")}
        />
      ) : null}
      {withSource && figure.status ? (
        <SourceRefField path={`${path}.source`} legend={t("editing.figureSource")} />
      ) : null}
    </FieldGroup>
  );
};
