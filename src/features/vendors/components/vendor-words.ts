import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TImpactUnit } from "@/shared/schemas/incident";

/** The built-in kind whose vendors also answer to the FSA (docs/any-case.md, "Duties by role"). */
export const INSURER_KIND = "insurer";

/**
 * The organisation's own words for the vendors pages: the kinds of vendor and the populations come from
 * its settings, never from the catalog, so a printer or a call centre reads as such.
 */
export const useVendorWords = () => {
  const { t, tx } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const organisation = useQuery(referenceQueries.organisation());
  const org = organisation.data;
  const vendorById = new Map(names.vendors.map((v) => [v.id, v]));
  const kindName = (kindId: string) => {
    const kind = org?.vendorKinds.find((k) => k.id === kindId);
    if (kind) return tx(kind.name);
    return org ? t("vendors.kindUnknown", { id: kindId }) : "";
  };
  const population = (populationId: string | null) => {
    const p = org?.populations.find((x) => x.id === populationId);
    if (!p) return populationId ?? "";
    return p.ofWhom ? t("vendors.populationOf", { name: tx(p.name), whom: tx(p.ofWhom) }) : tx(p.name);
  };
  const list = (vendorIds: readonly string[]) =>
    vendorIds.map((id) => names.vendor(id)).join(t("vendors.listJoin"));
  return {
    ...names,
    /** The organisation's settings (for a loading state to wait on). */
    organisation,
    kindName,
    /** The vendor's kind in the organisation's words, or "" until the lists have loaded. */
    vendorKind: (vendorId: string) => {
      const v = vendorById.get(vendorId);
      return v ? kindName(v.kindId) : "";
    },
    population,
    /** What a total counts: the people of a population (名), or records (件), of a population or not. */
    totalLabel: (unit: TImpactUnit, populationId: string | null) =>
      unit === "people"
        ? population(populationId)
        : populationId === null
          ? t("vendors.recordsAny")
          : t("vendors.recordsOf", { population: population(populationId) }),
    /** A chain of vendors as a reader follows it: A → B → C. */
    route: (vendorIds: readonly string[]) => vendorIds.map((id) => names.vendor(id)).join(" → "),
    /** Several vendors in one sentence. */
    list,
    /** Whom the vendor works for: a direct contract, or the contractors it is subcontracted by. */
    contract: (vendorId: string) => {
      const v = vendorById.get(vendorId);
      if (!v) return "";
      const above = v.subcontractorOf.filter((id) => id !== v.id && vendorById.has(id));
      return above.length === 0 ? t("vendors.direct") : t("vendors.worksFor", { vendors: list(above) });
    },
  };
};

export type TVendorWords = ReturnType<typeof useVendorWords>;
