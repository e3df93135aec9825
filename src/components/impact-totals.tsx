import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { totalState, unitCount, usePopulations } from "@/lib/population-counts";
import type { TImpactTotal } from "@/shared/schemas/incident";
import type { TOutsideFigure } from "@/shared/schemas/stats";
import { FigureValue } from "./figure-value";
import { NotReported } from "./not-reported";
import { OutsideMark } from "./outside-mark";

/**
 * The count of one total in its state: "46名", "46名以上" (some parts not reported, said in its title),
 * 未報告 (nothing exact is known: never shown as 0), or 確認の結果なし (the source says none, after checking).
 */
export const ImpactTotalValue = ({ total }: { total: TImpactTotal }) => {
  const i18n = useI18n();
  const { t } = i18n;
  switch (totalState(total)) {
    case "confirmed_none":
      return <span className="figure figure-none">{t("common.confirmedNone")}</span>;
    case "not_reported":
      return <NotReported />;
    case "at_least":
      return (
        <span
          className="figure figure-floor"
          title={i18n.tp("common.countPartlyNotReported", total.unreportedParts)}
        >
          {t("common.countAtLeast", { count: unitCount(i18n, total.value, total.unit) })}
        </span>
      );
    case "exact":
      return <span className="figure">{unitCount(i18n, total.value, total.unit)}</span>;
  }
};

/**
 * Totals of people and records, one line per unit and population ("会員 46名", "顧客 3,200件"), never added
 * together; figures from outside the record follow on their own lines with their mark, never in a total.
 * No total at all is 未報告: nothing says how many were affected.
 */
export const ImpactTotals = ({
  totals,
  outside = [],
}: {
  totals: readonly TImpactTotal[];
  outside?: readonly TOutsideFigure[];
}) => {
  const i18n = useI18n();
  const populations = usePopulations(i18n);
  if (totals.length === 0 && outside.length === 0) return <NotReported />;
  const labelled = (
    populationId: string | null,
    key: string,
    value: ReactNode,
    extra?: ReactNode,
    className = "impact-total",
  ) => {
    const label = populations.label(populationId);
    return (
      <li key={key} className={className}>
        {label === null ? null : (
          <span className="impact-total-population">
            {label}
            {i18n.t("common.populationSeparator")}
          </span>
        )}
        {label === null ? null : " "}
        {value}
        {extra}
      </li>
    );
  };
  return (
    <ul className="impact-totals">
      {totals.length === 0 ? (
        <li className="impact-total">
          <NotReported />
        </li>
      ) : null}
      {totals.map((total) =>
        labelled(
          total.populationId,
          `${total.unit}:${total.populationId ?? ""}`,
          <ImpactTotalValue total={total} />,
        ),
      )}
      {outside.length > 0 ? (
        <li className="impact-outside-label">{i18n.t("common.outsideFiguresLabel")}</li>
      ) : null}
      {outside.map((o) =>
        labelled(
          o.populationId,
          `outside:${o.impactId}`,
          <FigureValue figure={o.count} unit={o.unit} />,
          <OutsideMark />,
          "impact-total impact-outside",
        ),
      )}
    </ul>
  );
};
