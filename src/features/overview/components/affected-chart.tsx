import { useId } from "react";
import { useI18n } from "@/i18n/i18n";
import { BarRows, wholeTicks } from "./bar-rows";
import { AXIS_LABELS, axisLabelLines, ChartLegend, svgId, type TFill, textWidth } from "./chart-patterns";
import { AxisTick } from "./chart-ticks";
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

/**
 * One unit and population affected per incident, stacked by service. Every incident keeps its row and
 * its label: the frame grows a row per incident. A row with nothing drawn (未報告, 確認の結果なし) still
 * gets its words.
 */
export const AffectedChart = ({ data, series }: TProps) => {
  const { f } = useI18n();
  const id = svgId(useId());
  const sumOf = (d: TAffectedChartDatum) => series.reduce((sum, s) => sum + (d[`p:${s.key}`] ?? 0), 0);
  const top = niceCeiling(Math.max(0, ...data.map(sumOf)));
  // Room for the longest total written after its bar ("1,860 people", "確認の結果なし").
  const right = Math.ceil(Math.max(0, ...data.map((d) => textWidth(d.totalLabel, 13)))) + 16;
  return (
    <div className="ov-chart">
      <ChartLegend idPrefix={id} items={series.map((s) => ({ key: s.key, label: s.name, fill: s.fill }))} />
      <BarRows
        id={id}
        data={data}
        keyOf={(d) => d.incidentId}
        axisWidth={AXIS_LABELS.affected.axisWidth}
        label={(d) => <AxisTick heading={d.heading} lines={axisLabelLines(d.title, "affected")} />}
        right={right}
        top={top}
        ticks={wholeTicks(top)}
        format={f.number}
        fills={series.map((s) => ({ id: `${id}-${s.key}`, fill: s.fill }))}
        bar={26}
        row={(d) => ({
          parts: series.map((s) => ({
            value: Number(d[`p:${s.key}`] ?? 0),
            fill: `url(#${id}-${s.key})`,
            text: "",
          })),
          after: { text: d.totalLabel, fontSize: 13 },
        })}
      />
    </div>
  );
};
