import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TSourceDocument } from "@/shared/schemas/document";

/**
 * Who issued a document: the parties of the record (the association, a vendor) by name, or the outside
 * publisher for published context. While the names load, the id is shown rather than holding the page.
 */
export const useIssuerNames = () => {
  const { t, tx } = useI18n();
  const { party } = useReferenceNames("organisation", "vendors");
  return {
    party,
    issuer: (d: TSourceDocument) => {
      if (d.issuerIds.length > 0) return d.issuerIds.map(party).join(t("documents.separator"));
      return d.publisher ? tx(d.publisher) : t("documents.issuerUnknown");
    },
  };
};
