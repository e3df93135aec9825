import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";

// Placeholder until the meetings feature lands.
export const MeetingsRoute = () => {
  const { t } = useI18n();
  return <PageHeader title={t("meetings.title")} />;
};
