import { NotReported } from "@/components/not-reported";
import { useI18n } from "@/i18n/i18n";
import type { TImpactTotal } from "@/shared/schemas/incident";

/**
 * One total of people or records as the API gives it: exact when every part is; "at least" when some part
 * is not reported or only approximate (the number is a floor, never passed off as the total); 未報告 when
 * no part is known; 確認の結果なし when every part says so after checking (not the same as a reported 0).
 */
export const ImpactTotalValue = ({ total }: { total: TImpactTotal }) => {
  const { t, tp, f } = useI18n();
  const count = total.unit === "people" ? f.people(total.value) : f.records(total.value);
  if (total.confirmedNone) return <span className="figure figure-none">{t("common.confirmedNone")}</span>;
  if (total.complete) return <span className="figure">{count}</span>;
  if (total.value === 0) return <NotReported />;
  return (
    <span className="figure figure-floor">
      {t("incidents.atLeast", { count })}{" "}
      <span className="figure-tag">{tp("incidents.partsNotReported", total.unreportedParts)}</span>
    </span>
  );
};

/** What a total counts: the population's people ("会員"), or records (of a population, or not tied to one). */
export const useTotalLabel = (population: (id: string | null) => string) => {
  const { t } = useI18n();
  return (total: Pick<TImpactTotal, "unit" | "populationId">) =>
    total.unit === "people"
      ? population(total.populationId) || t("incidents.peopleUnnamed")
      : total.populationId
        ? t("incidents.recordsOf", { people: population(total.populationId) })
        : t("incidents.recordsPlain");
};

/** The same as text (a CSV cell): the number, "≥ n", 未報告 or 確認の結果なし. */
export const useTotalText = () => {
  const { t, tp, f } = useI18n();
  return (total: TImpactTotal) => {
    const count = total.unit === "people" ? f.people(total.value) : f.records(total.value);
    if (total.confirmedNone) return t("common.confirmedNone");
    if (total.complete) return count;
    if (total.value === 0) return t("common.notReported");
    return `${t("incidents.atLeast", { count })} (${tp("incidents.partsNotReported", total.unreportedParts)})`;
  };
};
