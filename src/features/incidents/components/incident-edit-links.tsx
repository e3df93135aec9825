import { EditorLink } from "@/components/editor-link";
import { useI18n } from "@/i18n/i18n";

/** "New incident" on the list. */
export const NewIncidentLink = () => (
  <EditorLink to="/incidents/new">{useI18n().t("records.newIncident")}</EditorLink>
);

/** "Edit this incident" on its page. */
export const EditIncidentLink = ({ incidentId }: { incidentId: string }) => (
  <EditorLink to={`/incidents/${incidentId}/edit`}>{useI18n().t("records.editIncident")}</EditorLink>
);
