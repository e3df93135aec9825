import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";

// Placeholder until the documents feature lands.
export const DocumentDetailRoute = () => {
  const { t } = useI18n();
  return <PageHeader title={t("documents.title")} />;
};
