import { FigureValue } from "@/components/figure-value";
import { useI18n } from "@/i18n/i18n";
import type { TFigure } from "@/shared/schemas/common";

/** "3名": how many people attended; a count the record does not give stays 未報告. */
export const People = ({ figure }: { figure: TFigure }) => {
  const { f } = useI18n();
  if (figure.status === "reported") return <span className="figure">{f.people(figure.value)}</span>;
  return <FigureValue figure={figure} />;
};

/** The same as plain text, for CSV and one-line summaries. */
export const peopleText = (
  figure: TFigure,
  { t, tx, f }: Pick<ReturnType<typeof useI18n>, "t" | "tx" | "f">,
) => {
  switch (figure.status) {
    case "reported":
    case "derived":
      return f.people(figure.value);
    case "approximate":
      return tx(figure.label);
    default:
      return t("common.notReported");
  }
};
