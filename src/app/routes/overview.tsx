import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";

// Placeholder until the overview feature lands.
export const OverviewRoute = () => {
  const { t } = useI18n();
  return <PageHeader title={t("overview.title")} />;
};
