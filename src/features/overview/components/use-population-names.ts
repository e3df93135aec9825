import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TImpactUnit } from "@/shared/schemas/incident";

/**
 * The organisation's names for the people it serves (会員, 顧客, A社の顧客…), and what a total of a unit
 * and population is called. Until the organisation's settings arrive, the id stands in (unambiguous).
 */
export const usePopulationNames = () => {
  const { t, tx } = useI18n();
  const organisation = useQuery(referenceQueries.organisation());
  const populations = organisation.data?.populations ?? [];
  const population = (id: string | null) => {
    if (id === null) return null;
    const p = populations.find((x) => x.id === id);
    if (!p) return id;
    return p.ofWhom ? t("overview.populationOf", { whom: tx(p.ofWhom), name: tx(p.name) }) : tx(p.name);
  };
  return {
    query: organisation,
    population: (id: string) => population(id) ?? id,
    /** "影響を受けた会員" / "影響を受けた記録(件数)" / "影響を受けた顧客の記録(件数)". */
    affected: (unit: TImpactUnit, populationId: string | null) => {
      const people = population(populationId);
      if (unit === "people") {
        return people === null ? t("overview.affectedPeopleAny") : t("overview.affectedPeople", { people });
      }
      return people === null ? t("overview.affectedRecords") : t("overview.affectedRecordsOf", { people });
    },
  };
};
