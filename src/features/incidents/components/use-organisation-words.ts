import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TVendor } from "@/shared/schemas/vendor";

/**
 * The organisation's own words the incident pages name things with: its short name, its populations
 * (会員, 顧客…) and its vendor kinds. While the settings load (or if they fail) an id stays an id, which is
 * still unambiguous.
 */
export const useOrganisationWords = () => {
  const { tx } = useI18n();
  const organisation = useQuery(referenceQueries.organisation());
  const org = organisation.data;
  const populations = org?.populations ?? [];
  const kinds = org?.vendorKinds ?? [];
  return {
    query: organisation,
    /** The organisation's short name (本会, the company…), or "" until the settings are in. */
    orgName: org ? tx(org.shortName) : "",
    populations,
    /** The name of a population ("会員"), or its id. */
    population: (id: string | null | undefined) => {
      if (!id) return "";
      const p = populations.find((x) => x.id === id);
      return p ? tx(p.name) : id;
    },
    /** The organisation's name for a vendor's kind ("印刷・発送業者"), or its id. */
    vendorKind: (vendor: Pick<TVendor, "kindId"> | undefined) => {
      if (!vendor) return "";
      const k = kinds.find((x) => x.id === vendor.kindId);
      return k ? tx(k.name) : vendor.kindId;
    },
    fiscalYearStartMonth: org?.fiscalYearStartMonth ?? 4,
  };
};

export type TOrganisationWords = ReturnType<typeof useOrganisationWords>;
