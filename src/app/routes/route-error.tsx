import { isRouteErrorResponse, useRouteError } from "react-router";
import { useI18n } from "@/i18n/i18n";

/** A failed chunk load or a render error: say so and offer a reload instead of a blank page. */
export const RouteError = () => {
  const { t } = useI18n();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="app-main" id="main">
      <section className="state state-error" role="alert">
        <h1>{notFound ? t("common.notFoundTitle") : t("common.errorTitle")}</h1>
        <p>{notFound ? t("common.notFoundBody") : t("common.errorDetail")}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t("common.retry")}
        </button>
      </section>
    </main>
  );
};
