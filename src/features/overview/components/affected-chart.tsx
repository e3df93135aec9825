import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/i18n";
import {
  AXIS_LABELS,
  axisLabelLines,
  ChartLegend,
  FillPattern,
  svgId,
  type TFill,
  textWidth,
} from "./chart-patterns";
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

/** Small enough to draw nothing, large enough for recharts to place the row's label. */
const LABEL_CARRIER = 1e-6;

/**
 * One unit and population affected per incident, stacked by service (lazy chunk: recharts lives only
 * here). Every incident keeps its row and its label (interval 0): the frame grows a row per incident.
 */
const AffectedChart = ({ data, series }: TProps) => {
  const { f } = useI18n();
  const id = svgId(useId());
  const top = niceCeiling(
    Math.max(0, ...data.map((d) => series.reduce((sum, s) => sum + (d[`p:${s.key}`] ?? 0), 0))),
  );
  // Room for the longest total written after its bar ("1,860 people", "確認の結果なし").
  const right = Math.max(0, ...data.map((d) => textWidth(d.totalLabel, 13))) + 16;
  return (
    <div className="ov-chart">
      <ChartLegend idPrefix={id} items={series.map((s) => ({ key: s.key, label: s.name, fill: s.fill }))} />
      <div className="ov-chart-plot">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 230 }}>
          <BarChart
            data={data}
            accessibilityLayer={false}
            layout="vertical"
            margin={{ top: 4, right, bottom: 4, left: 4 }}
          >
            <defs>
              {series.map((s) => (
                <FillPattern key={s.key} id={`${id}-${s.key}`} fill={s.fill} />
              ))}
            </defs>
            <CartesianGrid horizontal={false} stroke="#d5d9e0" />
            <XAxis
              type="number"
              domain={[0, top]}
              ticks={[0, top / 4, top / 2, (top * 3) / 4, top].filter(Number.isInteger)}
              tickFormatter={(v: number) => f.number(v)}
            />
            <YAxis
              type="category"
              dataKey="incidentId"
              width={AXIS_LABELS.affected.axisWidth}
              interval={0}
              tick={(props) => {
                const d = data.find((row) => row.incidentId === props.payload.value);
                return (
                  <AxisTick
                    {...props}
                    heading={d?.heading ?? ""}
                    lines={d ? axisLabelLines(d.title, "affected") : []}
                  />
                );
              }}
            />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={`p:${s.key}`}
                name={s.name}
                stackId="affected"
                fill={`url(#${id}-${s.key})`}
                stroke="#1a1d21"
                strokeWidth={0.5}
                isAnimationActive={false}
                barSize={26}
              />
            ))}
            {/*
             * The total rides on an invisible sliver at the end of the stack: a row with nothing drawn
             * (未報告, 確認の結果なし) or with an empty last service still gets its words.
             */}
            <Bar
              dataKey={() => LABEL_CARRIER}
              stackId="affected"
              fill="transparent"
              isAnimationActive={false}
              barSize={26}
            >
              <LabelList
                dataKey="totalLabel"
                position="right"
                fill="#1a1d21"
                fontWeight={700}
                fontSize={13}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
};

export default AffectedChart;
