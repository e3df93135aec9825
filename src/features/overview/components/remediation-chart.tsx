import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { AXIS_LABELS, axisLabelLines, ChartLegend, FILLS, FillPattern, svgId } from "./chart-patterns";
import { AxisTick } from "./chart-ticks";

export type TRemediationChartDatum = {
  cohortId: string;
  heading: string;
  label: string;
  donePct: number;
  remainingPct: number;
  notReportedPct: number;
  /** Text inside each segment ("1,854名", "未報告 3名"); empty when the segment is too thin to hold it. */
  doneText: string;
  remainingText: string;
  notReportedText: string;
};

/** The segments' names, in the purpose's words (是正済み for money, 送付済み for letters). */
type TProps = {
  data: TRemediationChartDatum[];
  segments: Record<"done" | "remaining" | "notReported", string>;
};

const SEGMENTS = [
  { key: "done", fill: FILLS.done },
  { key: "remaining", fill: FILLS.remaining },
  { key: "notReported", fill: FILLS.unknown },
] as const;

/**
 * Completion per group as 100% bars: done, still to do, and not reported (never drawn as 0). One chart
 * per purpose, so a letter sent is never drawn as money put right; a row per group, every label kept.
 */
const RemediationChart = ({ data, segments }: TProps) => {
  const id = svgId(useId());
  return (
    <div className="ov-chart">
      <ChartLegend
        idPrefix={id}
        items={SEGMENTS.map((s) => ({ key: s.key, label: segments[s.key], fill: s.fill }))}
      />
      <div className="ov-chart-plot">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 280 }}>
          <BarChart
            data={data}
            accessibilityLayer={false}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          >
            <defs>
              {SEGMENTS.map((s) => (
                <FillPattern key={s.key} id={`${id}-${s.key}`} fill={s.fill} />
              ))}
            </defs>
            <CartesianGrid horizontal={false} stroke="#d5d9e0" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
            />
            <YAxis
              type="category"
              dataKey="cohortId"
              width={AXIS_LABELS.remediation.axisWidth}
              interval={0}
              tick={(props) => {
                const d = data.find((row) => row.cohortId === props.payload.value);
                return (
                  <AxisTick
                    {...props}
                    heading={d?.heading ?? ""}
                    lines={d ? axisLabelLines(d.label, "remediation") : []}
                  />
                );
              }}
            />
            {SEGMENTS.map((s) => (
              <Bar
                key={s.key}
                dataKey={`${s.key}Pct`}
                stackId="completion"
                fill={`url(#${id}-${s.key})`}
                stroke="#1a1d21"
                strokeWidth={0.5}
                isAnimationActive={false}
                barSize={28}
              >
                <LabelList
                  dataKey={`${s.key}Text`}
                  position="center"
                  fill="#1a1d21"
                  fontWeight={700}
                  fontSize={12}
                  className="ov-segment-label"
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
};

export default RemediationChart;
