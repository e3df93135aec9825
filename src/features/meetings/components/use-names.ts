import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";

/**
 * Names for vendor and document ids. While the reference lists load (or if they fail) the id is shown,
 * which is still unambiguous, instead of holding the whole page back.
 */
export const useNames = () => {
  const { tx } = useI18n();
  const vendors = useQuery(referenceQueries.vendors());
  const documents = useQuery(referenceQueries.documents());
  const vendorById = new Map((vendors.data?.items ?? []).map((v) => [v.id, v]));
  const documentById = new Map((documents.data?.items ?? []).map((d) => [d.id, d]));
  return {
    vendor: (id: string) => {
      const v = vendorById.get(id);
      return v ? tx(v.shortName) : id;
    },
    document: (id: string) => documentById.get(id),
    documentLabel: (id: string) => {
      const d = documentById.get(id);
      return d ? tx(d.label) : id;
    },
  };
};
