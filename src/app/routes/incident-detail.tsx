import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";

// Placeholder until the incidents feature lands.
export const IncidentDetailRoute = () => {
  const { t } = useI18n();
  return <PageHeader title={t("incidents.title")} />;
};
