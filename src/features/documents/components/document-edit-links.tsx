import { EditorLink } from "@/components/editor-link";
import { useI18n } from "@/i18n/i18n";

/** "New document" on the list. */
export const NewDocumentLink = () => (
  <EditorLink to="/documents/new">{useI18n().t("records.newDocument")}</EditorLink>
);

/** "Edit this document" on its page. */
export const EditDocumentLink = ({ documentId }: { documentId: string }) => (
  <EditorLink to={`/documents/${documentId}/edit`}>{useI18n().t("records.editDocument")}</EditorLink>
);
