import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/i18n";
import { ChartLegend, FillPattern, svgId, type TFill, wrapLabel } from "./chart-patterns";
import { AxisTick } from "./chart-ticks";

export type TAffectedChartDatum = {
  incidentId: string;
  /** "事故1" */
  heading: string;
  title: string;
  /** The total as text ("46名" or "未報告"), shown at the end of the bar. */
  totalLabel: string;
} & Record<`p:${string}`, number>;

export type TAffectedSeries = { serviceId: string; name: string; fill: TFill };

type TProps = { data: TAffectedChartDatum[]; series: TAffectedSeries[] };

/** Members affected per incident, stacked by insurance service (lazy chunk: recharts lives only here). */
const AffectedChart = ({ data, series }: TProps) => {
  const { f } = useI18n();
  const id = svgId(useId());
  const last = series.length - 1;
  // Room for the longest total written after its bar ("1,860 members").
  const right = Math.max(0, ...data.map((d) => d.totalLabel.length)) * 8 + 16;
  return (
    <div className="ov-chart">
      <ChartLegend
        idPrefix={id}
        items={series.map((s) => ({ key: s.serviceId, label: s.name, fill: s.fill }))}
      />
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
                <FillPattern key={s.serviceId} id={`${id}-${s.serviceId}`} fill={s.fill} />
              ))}
            </defs>
            <CartesianGrid horizontal={false} stroke="#d5d9e0" />
            <XAxis type="number" tickFormatter={(v: number) => f.number(v)} allowDecimals={false} />
            <YAxis
              type="category"
              dataKey="incidentId"
              width={180}
              tick={(props) => {
                const d = data.find((row) => row.incidentId === props.payload.value);
                return (
                  <AxisTick
                    {...props}
                    heading={d?.heading ?? ""}
                    lines={d ? wrapLabel(d.title, 160, 11, 2) : []}
                  />
                );
              }}
            />
            {series.map((s, i) => (
              <Bar
                key={s.serviceId}
                dataKey={`p:${s.serviceId}`}
                name={s.name}
                stackId="affected"
                fill={`url(#${id}-${s.serviceId})`}
                stroke="#1a1d21"
                strokeWidth={0.5}
                isAnimationActive={false}
                barSize={26}
              >
                {i === last ? (
                  <LabelList
                    dataKey="totalLabel"
                    position="right"
                    fill="#1a1d21"
                    fontWeight={700}
                    fontSize={13}
                  />
                ) : null}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
};

export default AffectedChart;
