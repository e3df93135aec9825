import { useI18n } from "@/i18n/i18n";
import type { TFigure } from "@/shared/schemas/common";
import { NotReported } from "./not-reported";

export type TUnit = "people" | "records" | "yen" | "days" | "plain";

/** Renders a record figure with its status: exact, approximate (its words), derived (its formula) or 未報告. */
export const FigureValue = ({ figure, unit = "plain" }: { figure: TFigure; unit?: TUnit }) => {
  const { t, tx, f } = useI18n();
  switch (figure.status) {
    case "not_reported":
      return <NotReported missing={figure.missing} />;
    case "confirmed_none":
      return <span className="figure figure-none">{t("common.confirmedNone")}</span>;
    case "approximate":
      return (
        <span className="figure figure-approximate">
          {tx(figure.label)} <span className="figure-tag">{t("common.approximate")}</span>
        </span>
      );
    case "derived":
      return (
        <span
          className="figure figure-derived"
          title={t("common.derivedTitle", { formula: tx(figure.formula) })}
        >
          {formatUnit(figure.value, unit, f)} <span className="figure-tag">{t("common.derived")}</span>
        </span>
      );
    default:
      return <span className="figure">{formatUnit(figure.value, unit, f)}</span>;
  }
};

/** Formats a plain number in a unit; null means "not reported" and renders the 未報告 badge. */
export const NumberValue = ({ value, unit = "plain" }: { value: number | null; unit?: TUnit }) => {
  const { f } = useI18n();
  if (value === null) return <NotReported />;
  return <span className="figure">{formatUnit(value, unit, f)}</span>;
};

const formatUnit = (value: number, unit: TUnit, f: ReturnType<typeof useI18n>["f"]) => {
  switch (unit) {
    case "people":
      return f.people(value);
    case "records":
      return f.records(value);
    case "yen":
      return f.yen(value);
    case "days":
      return f.days(value);
    default:
      return f.number(value);
  }
};
