import { useId, useMemo } from "react";
import { Bar, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/i18n";
import { stackedRow, ticksThatFit, valueTick } from "./chart-marks";
import { AXIS_LABELS, axisLabelLines, ChartLegend, svgId, type TFill, textWidth } from "./chart-patterns";
import { BarRows } from "./chart-plot";
import { rowTick } from "./chart-ticks";
import { niceCeiling } from "./overview-model";

export type TAffectedChartDatum = {
  incidentId: string;
  /** "事故1" */
  heading: string;
  title: string;
  /** The total as text ("46名", "未報告", "確認の結果なし"), shown at the end of the bar. */
  totalLabel: string;
} & Record<`p:${string}`, number>;

/** A stack: a service, or the part no service is named for. */
export type TAffectedSeries = { key: string; name: string; fill: TFill };

type TProps = { data: TAffectedChartDatum[]; series: TAffectedSeries[] };

/** Small enough to draw nothing, large enough for recharts to place a row with nothing to draw. */
const LABEL_CARRIER = 1e-6;

/**
 * One unit and population affected per incident, stacked by service (lazy chunk: recharts lives only
 * here). Every incident keeps its row and its label (interval 0): the frame grows a row per incident.
 */
const AffectedChart = ({ data, series }: TProps) => {
  const { f } = useI18n();
  const id = svgId(useId());
  // Stable between renders: recharts registers a bar or an axis again whenever one of these changes.
  const { sumOf, stackTotal, row, tick } = useMemo(() => {
    const sumOf = (d: TAffectedChartDatum) => series.reduce((sum, s) => sum + (d[`p:${s.key}`] ?? 0), 0);
    return {
      sumOf,
      stackTotal: (d: TAffectedChartDatum) => sumOf(d) || LABEL_CARRIER,
      row: stackedRow((d) => ({
        parts: series.map((s) => ({
          value: Number(d[`p:${s.key}`] ?? 0),
          fill: `url(#${id}-${s.key})`,
          text: "",
        })),
        after: { text: String(d.totalLabel ?? ""), fontSize: 13 },
      })),
      tick: valueTick(f.number),
    };
  }, [id, series, f]);
  const top = niceCeiling(Math.max(0, ...data.map(sumOf)));
  // Room for the longest total written after its bar ("1,860 people", "確認の結果なし").
  const right = Math.max(0, ...data.map((d) => textWidth(d.totalLabel, 13))) + 16;
  return (
    <div className="ov-chart">
      <ChartLegend idPrefix={id} items={series.map((s) => ({ key: s.key, label: s.name, fill: s.fill }))} />
      <BarRows
        data={data}
        guess={{ width: 560, height: 230 }}
        right={right}
        fills={series.map((s) => ({ id: `${id}-${s.key}`, fill: s.fill }))}
      >
        {(size) => (
          <>
            <XAxis
              type="number"
              domain={[0, top]}
              ticks={ticksThatFit(
                [0, top / 4, top / 2, (top * 3) / 4, top].filter(Number.isInteger),
                f.number,
                size.width - AXIS_LABELS.affected.axisWidth - right - 4,
              )}
              tick={tick}
              // At most five ticks, which always fit: recharts then keeps them all without measuring each.
              interval={0}
            />
            <YAxis
              type="category"
              dataKey="incidentId"
              width={AXIS_LABELS.affected.axisWidth}
              interval={0}
              tick={rowTick(
                data,
                (d) => d.incidentId,
                (d) => ({ heading: d.heading, lines: axisLabelLines(d.title, "affected") }),
              )}
            />
            {/*
             * One bar per row, its services side by side and its total after it. A row with nothing drawn
             * (未報告, 確認の結果なし) still gets its words.
             */}
            <Bar dataKey={stackTotal} isAnimationActive={false} barSize={26} shape={row} />
          </>
        )}
      </BarRows>
    </div>
  );
};

export default AffectedChart;
