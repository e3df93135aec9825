import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TSourceDocument } from "@/shared/schemas/document";

/**
 * Who issued a document: the parties of the record (the association, a vendor) by name, or the outside
 * publisher for published context. While the names load, the id is shown rather than holding the page.
 */
export const useIssuerNames = () => {
  const { t, tx } = useI18n();
  const organisation = useQuery(referenceQueries.organisation());
  const vendors = useQuery(referenceQueries.vendors());
  const vendorById = new Map((vendors.data?.items ?? []).map((v) => [v.id, v]));
  const party = (id: string) => {
    if (organisation.data?.id === id) return tx(organisation.data.shortName);
    const v = vendorById.get(id);
    return v ? tx(v.shortName) : id;
  };
  return {
    party,
    issuer: (d: TSourceDocument) => {
      if (d.issuerIds.length > 0) return d.issuerIds.map(party).join(t("documents.separator"));
      return d.publisher ? tx(d.publisher) : t("documents.issuerUnknown");
    },
  };
};
