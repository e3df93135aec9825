import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";

// Placeholder until the commitments feature lands.
export const CommitmentsRoute = () => {
  const { t } = useI18n();
  return <PageHeader title={t("commitments.title")} />;
};
