import { type ReactNode, Suspense, useId, useState } from "react";
import { useI18n } from "@/i18n/i18n";

type TProps = {
  title: string;
  description?: string;
  /**
   * The chart itself (lazy-loaded recharts code is fine: a placeholder holds its space meanwhile), with
   * recharts' `accessibilityLayer={false}` (see the body below): nothing in it may take focus.
   */
  chart: ReactNode;
  /** The same data as a table: the chart's text alternative, one click away and always in print. */
  table: ReactNode;
  /**
   * The chart's height in px, fixed: the placeholder and the chart (legend included, which has to fit
   * in it) take exactly this, so nothing below moves when the chart's code arrives.
   */
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
        /*
         * One image with a name, not a widget: the label says what the chart shows and the table (the
         * button above, and always in print) gives every figure, which assistive technology reads far
         * better than a walk through the bars. So the charts turn recharts' accessibility layer off
         * (`accessibilityLayer={false}`): with it, the plot is a focusable role="application" that takes
         * the arrow keys, which must not sit inside an image (its content is presentational) and would
         * be one more tab stop per chart, reading out less than the table.
         */
        <div className="chart-body" style={{ height }} role="img" aria-label={description ?? title}>
          <Suspense fallback={<div className="skeleton chart-placeholder" aria-hidden="true" />}>
            {chart}
          </Suspense>
        </div>
      )}
    </figure>
  );
};

/**
 * A ChartFrame's boxes while its data loads (QueryState's `skeleton`): the title, the button and the
 * description take the lines their text will take (drawn as bars, the text itself is not in the page),
 * and the body the chart's fixed height. Give the description as the frame will show it; where it holds
 * a figure not known yet, a stand-in of the same width.
 */
export const ChartFrameSkeleton = ({
  title,
  description,
  height,
}: Pick<TProps, "title" | "description" | "height">) => {
  const { t } = useI18n();
  return (
    <div className="chart-frame">
      <div className="chart-head">
        <span className="chart-title ghost-text" data-text={title} />
        <span className="button button-secondary no-print ghost-button" data-text={t("common.showTable")} />
      </div>
      {description ? <p className="chart-description ghost-text" data-text={description} /> : null}
      <div className="chart-body" style={{ height }}>
        <div className="skeleton chart-placeholder" />
      </div>
    </div>
  );
};
