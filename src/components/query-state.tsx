import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";

type TProps<T> = {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Reserves the space the content will take, so nothing moves when data arrives. */
  minHeight?: number | string;
  /**
   * Drawn while loading instead of the plain block (minHeight then does not apply): a placeholder of the
   * content's own boxes (tiles, a chart's frame), laid out as the content will be, so it can take the
   * content's size at every width. Hidden from assistive technology; "loading" is announced as usual.
   */
  skeleton?: ReactNode;
  /**
   * Other queries whose answers change the content's size (names, links, notes). The loading state lasts
   * until each has settled, so the content appears once, in its final size. A failed one does not hold
   * the content back (it shows without what that query adds), nor does one that is not fetching.
   */
  waitFor?: readonly Pick<UseQueryResult<unknown>, "isLoading">[];
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
};

/** One place for the loading, error (with retry) and empty states of every query. */
export const QueryState = <T,>({
  query,
  children,
  minHeight = "4rem",
  skeleton,
  waitFor,
  isEmpty,
  empty,
}: TProps<T>) => {
  const { t } = useI18n();
  if (query.isPending || (query.isSuccess && waitFor?.some((q) => q.isLoading))) {
    // With a skeleton, no box of its own (display: contents): the skeleton's boxes sit where the
    // content's will, e.g. as cells of the parent's grid.
    return (
      <div
        className={skeleton ? "state-skeleton" : "state state-loading"}
        style={skeleton ? undefined : { minHeight }}
        aria-busy="true"
      >
        <span className="visually-hidden" role="status">
          {t("common.loading")}
        </span>
        <div className={skeleton ? "state-skeleton" : "skeleton"} aria-hidden="true">
          {skeleton}
        </div>
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
