import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "./reference-queries";

export type TReferenceList = "organisation" | "vendors" | "services" | "documents" | "cases";

/**
 * Names for the ids the record carries (vendors, services, documents, cases, the organisation). Only the
 * lists named are fetched. While a list loads (or if it fails) the id itself is shown, which is still
 * unambiguous, instead of holding the whole page back for a label.
 */
export const useReferenceNames = (...lists: TReferenceList[]) => {
  const { tx } = useI18n();
  const wants = (list: TReferenceList) => lists.includes(list);
  // A vendor's kind is named by the organisation's list of kinds.
  const organisation = useQuery({
    ...referenceQueries.organisation(),
    enabled: wants("organisation") || wants("vendors"),
  });
  const vendors = useQuery({ ...referenceQueries.vendors(), enabled: wants("vendors") });
  const services = useQuery({ ...referenceQueries.services(), enabled: wants("services") });
  const documents = useQuery({ ...referenceQueries.documents(), enabled: wants("documents") });
  const cases = useQuery({ ...referenceQueries.cases(), enabled: wants("cases") });
  const vendorById = new Map((vendors.data?.items ?? []).map((v) => [v.id, v]));
  const serviceById = new Map((services.data?.items ?? []).map((p) => [p.id, p]));
  const documentById = new Map((documents.data?.items ?? []).map((d) => [d.id, d]));
  const caseById = new Map((cases.data?.items ?? []).map((c) => [c.id, c]));
  const kindById = new Map((organisation.data?.vendorKinds ?? []).map((k) => [k.id, k]));
  const vendor = (id: string) => {
    const v = vendorById.get(id);
    return v ? tx(v.shortName) : id;
  };
  /** The vendor's kind as the organisation names it (印刷・発送業者…), or "" until both lists have loaded. */
  const vendorKind = (id: string) => {
    const kind = kindById.get(vendorById.get(id)?.kindId ?? "");
    return kind ? tx(kind.name) : "";
  };
  return {
    /** The vendors in the server's order; empty until the list has loaded. */
    vendors: vendors.data?.items ?? [],
    vendor,
    vendorFull: (id: string) => {
      const v = vendorById.get(id);
      return v ? tx(v.name) : id;
    },
    vendorKind,
    /** @deprecated Vendors have a kind, not a role: use vendorKind (the same answer). */
    vendorRole: vendorKind,
    service: (id: string) => {
      const p = serviceById.get(id);
      return p ? tx(p.name) : id;
    },
    document: (id: string) => documentById.get(id),
    documentLabel: (id: string) => {
      const d = documentById.get(id);
      return d ? tx(d.label) : id;
    },
    /** The cases in the order they were added; empty until the list has loaded. */
    cases: cases.data?.items ?? [],
    caseTitle: (id: string) => {
      const c = caseById.get(id);
      return c ? tx(c.title) : id;
    },
    /** A party of the record: the organisation or a vendor. */
    party: (id: string) => (organisation.data?.id === id ? tx(organisation.data.shortName) : vendor(id)),
  };
};

export type TReferenceNames = ReturnType<typeof useReferenceNames>;
