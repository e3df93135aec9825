import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import { commitmentQueries } from "../api/queries";

/**
 * Names for the ids a commitment carries (vendors, incidents, documents, meetings). While a list loads
 * (or if it fails) the id itself is shown: still unambiguous, and the page is not held back for a label.
 */
export const useCommitmentNames = () => {
  const { t, tx } = useI18n();
  const reference = useReferenceNames("vendors", "documents");
  const incidents = useQuery(commitmentQueries.incidents());
  const meetings = useQuery(commitmentQueries.meetings());
  // The same lists as `reference` (shared cache), for their state.
  const vendors = useQuery(referenceQueries.vendors());
  const documents = useQuery(referenceQueries.documents());
  const incidentById = new Map((incidents.data?.items ?? []).map((i) => [i.id, i]));
  const meetingById = new Map((meetings.data?.items ?? []).map((m) => [m.id, m]));
  return {
    /**
     * The lists behind the names. A card waits for them (QueryState's waitFor): a name replacing its id
     * would rewrap the card and move every card below it.
     */
    lists: [vendors, documents, incidents, meetings],
    vendors: reference.vendors,
    incidents: incidents.data?.items ?? [],
    vendor: reference.vendor,
    incidentShort: (id: string) => {
      const i = incidentById.get(id);
      return i ? t("commitments.incidentNumber", { n: i.number }) : id;
    },
    incident: (id: string) => {
      const i = incidentById.get(id);
      return i ? `${t("commitments.incidentNumber", { n: i.number })} ${tx(i.title)}` : id;
    },
    document: reference.documentLabel,
    meeting: (id: string) => {
      const m = meetingById.get(id);
      return m ? tx(m.title) : id;
    },
  };
};

export type TCommitmentNames = ReturnType<typeof useCommitmentNames>;
