import { useI18n } from "@/i18n/i18n";

/**
 * Where a document can be read, opened in a new tab: the dashboard stays where the reader was. The
 * opened page gets no handle back to this one (noopener) and is not told the dashboard's address
 * (noreferrer). The text says it opens a new tab, for those who cannot see the mark.
 */
export const DocumentUrl = ({ url, label }: { url: string; label?: string }) => {
  const { t } = useI18n();
  return (
    <a className="document-url" href={url} target="_blank" rel="noopener noreferrer">
      {label ?? url}
      <span aria-hidden="true"> ↗</span>
      <span className="visually-hidden">{t("documents.opensNewTab")}</span>
    </a>
  );
};
