import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";

// Placeholder until the vendors feature lands.
export const VendorsRoute = () => {
  const { t } = useI18n();
  return <PageHeader title={t("vendors.title")} />;
};
