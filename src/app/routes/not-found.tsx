import { Link } from "react-router";
import { useI18n } from "@/i18n/i18n";

export const NotFoundPage = () => {
  const { t } = useI18n();
  return (
    <section className="not-found">
      <h1>{t("common.notFoundTitle")}</h1>
      <p>{t("common.notFoundBody")}</p>
      <p>
        <Link to="/">{t("common.backToOverview")}</Link>
      </p>
    </section>
  );
};
