import { useQuery } from "@tanstack/react-query";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "./reference-queries";

export type TReferenceList = "organisation" | "vendors" | "services" | "documents";

/**
 * Names for the ids the record carries (vendors, services, documents, the organisation). Only the lists
 * named are fetched. While a list loads (or if it fails) the id itself is shown, which is still
 * unambiguous, instead of holding the whole page back for a label.
 */
export const useReferenceNames = (...lists: TReferenceList[]) => {
  const { t, tx } = useI18n();
  const wants = (list: TReferenceList) => lists.includes(list);
  const organisation = useQuery({ ...referenceQueries.organisation(), enabled: wants("organisation") });
  const vendors = useQuery({ ...referenceQueries.vendors(), enabled: wants("vendors") });
  const services = useQuery({ ...referenceQueries.services(), enabled: wants("services") });
  const documents = useQuery({ ...referenceQueries.documents(), enabled: wants("documents") });
  const vendorById = new Map((vendors.data?.items ?? []).map((v) => [v.id, v]));
  const serviceById = new Map((services.data?.items ?? []).map((p) => [p.id, p]));
  const documentById = new Map((documents.data?.items ?? []).map((d) => [d.id, d]));
  const vendor = (id: string) => {
    const v = vendorById.get(id);
    return v ? tx(v.shortName) : id;
  };
  return {
    /** The vendors in the server's order; empty until the list has loaded. */
    vendors: vendors.data?.items ?? [],
    vendor,
    vendorFull: (id: string) => {
      const v = vendorById.get(id);
      return v ? tx(v.name) : id;
    },
    /** 保険会社 / 保険代理店, or "" until the vendor list has loaded. */
    vendorRole: (id: string) => {
      const v = vendorById.get(id);
      return v ? t(`domain.role.${v.role}` as TMessageKey) : "";
    },
    service: (id: string) => {
      const p = serviceById.get(id);
      return p ? tx(p.name) : id;
    },
    document: (id: string) => documentById.get(id),
    documentLabel: (id: string) => {
      const d = documentById.get(id);
      return d ? tx(d.label) : id;
    },
    /** A party of the record: the association or a vendor. */
    party: (id: string) => (organisation.data?.id === id ? tx(organisation.data.shortName) : vendor(id)),
  };
};

export type TReferenceNames = ReturnType<typeof useReferenceNames>;
