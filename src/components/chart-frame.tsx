import { type ReactNode, Suspense, useId, useState } from "react";
import { useI18n } from "@/i18n/i18n";

type TProps = {
  title: string;
  description?: string;
  /** The chart itself (lazy-loaded recharts code is fine: a placeholder holds its space meanwhile). */
  chart: ReactNode;
  /** The same data as a table: the chart's text alternative, one click away and always in print. */
  table: ReactNode;
  height: number;
};

/** A chart with a switch to its data table, so no figure is available only as colours and shapes. */
export const ChartFrame = ({ title, description, chart, table, height }: TProps) => {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`}>
      <div className="chart-head">
        <figcaption id={`${id}-title`} className="chart-title">
          {title}
        </figcaption>
        <button
          type="button"
          className="button button-secondary no-print"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? t("common.showChart") : t("common.showTable")}
        </button>
      </div>
      {description ? <p className="chart-description">{description}</p> : null}
      {asTable ? (
        table
      ) : (
        <div
          className="chart-body"
          style={{ minHeight: height }}
          role="img"
          aria-label={description ?? title}
        >
          <Suspense fallback={<div className="skeleton" style={{ height }} aria-hidden="true" />}>
            {chart}
          </Suspense>
        </div>
      )}
    </figure>
  );
};
