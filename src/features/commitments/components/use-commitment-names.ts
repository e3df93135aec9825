import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { commitmentQueries } from "../api/queries";

/**
 * Names for the ids a commitment carries (vendors, incidents, documents, meetings). While a list loads
 * (or if it fails) the id itself is shown: still unambiguous, and the page is not held back for a label.
 */
export const useCommitmentNames = () => {
  const { t, tx } = useI18n();
  const vendors = useQuery(referenceQueries.vendors());
  const documents = useQuery(referenceQueries.documents());
  const incidents = useQuery(commitmentQueries.incidents());
  const meetings = useQuery(commitmentQueries.meetings());
  const vendorById = new Map((vendors.data?.items ?? []).map((v) => [v.id, v]));
  const documentById = new Map((documents.data?.items ?? []).map((d) => [d.id, d]));
  const incidentById = new Map((incidents.data?.items ?? []).map((i) => [i.id, i]));
  const meetingById = new Map((meetings.data?.items ?? []).map((m) => [m.id, m]));
  return {
    vendors: vendors.data?.items ?? [],
    incidents: incidents.data?.items ?? [],
    vendor: (id: string) => {
      const v = vendorById.get(id);
      return v ? tx(v.shortName) : id;
    },
    incidentShort: (id: string) => {
      const i = incidentById.get(id);
      return i ? t("commitments.incidentNumber", { n: i.number }) : id;
    },
    incident: (id: string) => {
      const i = incidentById.get(id);
      return i ? `${t("commitments.incidentNumber", { n: i.number })} ${tx(i.title)}` : id;
    },
    document: (id: string) => {
      const d = documentById.get(id);
      return d ? tx(d.label) : id;
    },
    meeting: (id: string) => {
      const m = meetingById.get(id);
      return m ? tx(m.title) : id;
    },
  };
};

export type TCommitmentNames = ReturnType<typeof useCommitmentNames>;
