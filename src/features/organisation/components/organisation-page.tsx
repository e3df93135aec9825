import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { organisationQueries } from "../api/queries";
import { OrganisationForm } from "./organisation-form";
import "./organisation.css";

/** /admin/organisation: the organisation's name and the words every page takes from it (administrators). */
export const OrganisationPage = () => {
  const { t } = useI18n();
  const query = useQuery(organisationQueries.settings());
  return (
    <article className="organisation-page record-editor">
      <PageHeader title={t("organisation.title")} lead={<p>{t("organisation.lead")}</p>} />
      <QueryState query={query} minHeight="40rem">
        {(organisation) => <OrganisationForm organisation={organisation} />}
      </QueryState>
    </article>
  );
};
