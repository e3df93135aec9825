import { useQuery } from "@tanstack/react-query";
import type { useI18n } from "@/i18n/i18n";
import type { TImpactTotal, TImpactUnit } from "@/shared/schemas/incident";
import type { TPopulation } from "@/shared/schemas/organisation";
import { referenceQueries } from "./reference-queries";

/*
 * How every page says a count of people or records: with the population it belongs to, as the
 * organisation calls it ("会員 46名", "A社の顧客 3,200件", "members: 46 people"). People and records are
 * never added, nor people of different populations, so a count always names both its unit and whose
 * people they are. One wording for every feature.
 */

type TI18n = Pick<ReturnType<typeof useI18n>, "t" | "tx" | "f">;
type TPopulationLike = Pick<TPopulation, "id" | "name" | "ofWhom">;

/** A population as the pages name it: "会員", or "A社の顧客" when they are another organisation's people. */
export const populationLabel = (i18n: TI18n, population: TPopulationLike) =>
  population.ofWhom
    ? i18n.t("common.populationOf", { whom: i18n.tx(population.ofWhom), name: i18n.tx(population.name) })
    : i18n.tx(population.name);

/** A number in its unit: "46名" / "3,200件" ("1 person", "46 people", "3,200 records"). */
export const unitCount = (i18n: TI18n, value: number, unit: TImpactUnit) =>
  unit === "people" ? i18n.f.people(value) : i18n.f.records(value);

/** The population's label, the id itself for one the organisation no longer lists, null for none. */
const labelOf = (i18n: TI18n, populations: readonly TPopulationLike[], id: string | null) => {
  if (id === null) return null;
  const found = populations.find((p) => p.id === id);
  return found ? populationLabel(i18n, found) : id;
};

/** "会員 46名": a count with whose people they are (a count of no population is the count alone). */
export const populationCountText = (
  i18n: TI18n,
  populations: readonly TPopulationLike[],
  populationId: string | null,
  count: string,
) => {
  const population = labelOf(i18n, populations, populationId);
  return population === null ? count : i18n.t("common.populationCount", { population, count });
};

/** How a total reads: exact, a floor (some parts not reported), 未報告 (nothing exact), or 確認の結果なし. */
export type TTotalState = "exact" | "at_least" | "not_reported" | "confirmed_none";

export const totalState = (total: TImpactTotal): TTotalState => {
  if (total.confirmedNone) return "confirmed_none";
  if (total.complete) return "exact";
  // Nothing exact is known: a total of 0 would read as "no one", which nobody reported.
  return total.value === 0 ? "not_reported" : "at_least";
};

/** The count part of a total in words: "46名", "46名以上", "未報告", "確認の結果なし". */
export const totalCountText = (i18n: TI18n, total: TImpactTotal) => {
  switch (totalState(total)) {
    case "confirmed_none":
      return i18n.t("common.confirmedNone");
    case "not_reported":
      return i18n.t("common.notReported");
    case "at_least":
      return i18n.t("common.countAtLeast", { count: unitCount(i18n, total.value, total.unit) });
    case "exact":
      return unitCount(i18n, total.value, total.unit);
  }
};

/** A whole total in words, for tables, CSV and charts' labels: "会員 46名以上". */
export const impactTotalText = (i18n: TI18n, populations: readonly TPopulationLike[], total: TImpactTotal) =>
  populationCountText(i18n, populations, total.populationId, totalCountText(i18n, total));

/**
 * The organisation's populations and the words for counts of them. Until the settings have loaded a
 * population is named by its id (still unambiguous); the app shell loads them on every page.
 */
export const usePopulations = (i18n: TI18n) => {
  const organisation = useQuery(referenceQueries.organisation());
  const populations = organisation.data?.populations ?? [];
  return {
    /** The settings' query: a table can wait for it (QueryState's waitFor), so no id shows in a label. */
    query: organisation,
    populations,
    /** "会員" / "A社の顧客" for a population id; null for none (records of no population). */
    label: (populationId: string | null) => labelOf(i18n, populations, populationId),
    /** "会員 46名" from a number, its unit and its population. */
    count: (value: number, unit: TImpactUnit, populationId: string | null) =>
      populationCountText(i18n, populations, populationId, unitCount(i18n, value, unit)),
    /** "会員 46名以上" / "顧客 確認の結果なし" for a total of the record. */
    total: (total: TImpactTotal) => impactTotalText(i18n, populations, total),
  };
};
