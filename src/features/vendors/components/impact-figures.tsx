import { FigureValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { useI18n } from "@/i18n/i18n";
import type { TImpactTotal } from "@/shared/schemas/incident";
import type { TOutsideFigure } from "@/shared/schemas/stats";
import type { TVendorWords } from "./vendor-words";

/** The text of a total, for a CSV cell: the same words the page shows. */
export const useImpactText = () => {
  const { t, tp, f } = useI18n();
  return (total: TImpactTotal | undefined) => {
    if (!total) return t("vendors.notApplicable");
    if (total.confirmedNone) return t("common.confirmedNone");
    const amount = total.unit === "people" ? f.people(total.value) : f.records(total.value);
    if (total.complete) return amount;
    if (total.value === 0) return t("common.notReported");
    return `${t("vendors.atLeast", { value: amount })} (${tp("vendors.floorNote", total.unreportedParts)})`;
  };
};

/**
 * One total of people (名) or records (件): exact, 確認の結果なし, 未報告 when no part is known, or a floor
 * ("… 以上") when some parts are not reported. Never a 0 the vendor did not say.
 */
export const ImpactTotalValue = ({ total }: { total: TImpactTotal }) => {
  const { t, tp, f } = useI18n();
  if (total.confirmedNone) return <span className="figure figure-none">{t("common.confirmedNone")}</span>;
  const amount = total.unit === "people" ? f.people(total.value) : f.records(total.value);
  if (total.complete) return <span className="figure">{amount}</span>;
  if (total.value === 0) return <NotReported />;
  return (
    <span className="figure figure-floor">
      {t("vendors.atLeast", { value: amount })}{" "}
      <span className="figure-tag">{tp("vendors.floorNote", total.unreportedParts)}</span>
    </span>
  );
};

/** Totals per unit and population, one line each: they are never added together. */
export const ImpactTotalsList = ({
  totals,
  words,
}: {
  totals: readonly TImpactTotal[];
  words: TVendorWords;
}) => {
  const { t } = useI18n();
  if (totals.length === 0) return <NotReported />;
  return (
    <ul className="impact-totals">
      {totals.map((total) => (
        <li key={`${total.unit}:${total.populationId ?? ""}`}>
          <span className="impact-label">
            {t("vendors.impactLabel", { label: words.totalLabel(total.unit, total.populationId) })}
          </span>{" "}
          <ImpactTotalValue total={total} />
        </li>
      ))}
    </ul>
  );
};

/** Figures from outside the record (a press article's count), each with its incident and its mark. */
export const OutsideFigures = ({
  figures,
  numberOf,
  words,
}: {
  figures: readonly TOutsideFigure[];
  numberOf: (incidentId: string) => number | undefined;
  words: TVendorWords;
}) => {
  const { t } = useI18n();
  if (figures.length === 0) return null;
  return (
    <div className="outside-figures">
      <p className="outside-figures-title">
        {t("vendors.outsideFigures")} <OutsideMark />
      </p>
      <ul>
        {figures.map((o) => {
          const n = numberOf(o.incidentId);
          return (
            <li key={o.impactId}>
              {n !== undefined ? `${t("vendors.incidentNumber", { n })} ` : null}
              {words.totalLabel(o.unit, o.populationId)}{" "}
              <FigureValue figure={o.count} unit={o.unit === "people" ? "people" : "records"} />
            </li>
          );
        })}
      </ul>
    </div>
  );
};
