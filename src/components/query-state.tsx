import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";

type TProps<T> = {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Reserves the space the content will take, so nothing moves when data arrives. */
  minHeight?: number | string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
};

/** One place for the loading, error (with retry) and empty states of every query. */
export const QueryState = <T,>({ query, children, minHeight = "4rem", isEmpty, empty }: TProps<T>) => {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <div className="state state-loading" style={{ minHeight }} aria-busy="true">
        <span className="visually-hidden" role="status">
          {t("common.loading")}
        </span>
        <div className="skeleton" aria-hidden="true" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="state state-error" style={{ minHeight }} role="alert">
        <p className="state-title">{t("common.errorTitle")}</p>
        <p className="state-detail">{t("common.errorDetail")}</p>
        <button
          type="button"
          className="button"
          onClick={() => void query.refetch()}
          disabled={query.isFetching}
        >
          {t("common.retry")}
        </button>
      </div>
    );
  }
  if (isEmpty?.(query.data)) {
    return (
      <div className="state state-empty" style={{ minHeight }}>
        {empty ?? <p>{t("common.empty")}</p>}
      </div>
    );
  }
  return <>{children(query.data)}</>;
};
