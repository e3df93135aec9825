import { useId, useMemo } from "react";
import { Bar, XAxis, YAxis } from "recharts";
import { stackedRow, ticksThatFit, valueTick } from "./chart-marks";
import { AXIS_LABELS, axisLabelLines, ChartLegend, FILLS, svgId } from "./chart-patterns";
import { BarRows } from "./chart-plot";
import { rowTick } from "./chart-ticks";

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

const PERCENTS = [0, 25, 50, 75, 100];
const percent = (v: number) => `${v}%`;
const PERCENT_TICK = valueTick(percent);

/** Every row is the whole group (100%). */
const WHOLE = () => 100;

/**
 * Completion per group as 100% bars: done, still to do, and not reported (never drawn as 0). One chart
 * per purpose, so a letter sent is never drawn as money put right; a row per group, every label kept.
 */
const RemediationChart = ({ data, segments }: TProps) => {
  const id = svgId(useId());
  // Each row's segments side by side, each with its text ("1,854名") inside it.
  const row = useMemo(
    () =>
      stackedRow((d) => ({
        parts: SEGMENTS.map((s) => ({
          value: Number(d[`${s.key}Pct`] ?? 0),
          fill: `url(#${id}-${s.key})`,
          text: String(d[`${s.key}Text`] ?? ""),
        })),
      })),
    [id],
  );
  return (
    <div className="ov-chart">
      <ChartLegend
        idPrefix={id}
        items={SEGMENTS.map((s) => ({ key: s.key, label: segments[s.key], fill: s.fill }))}
      />
      <BarRows
        data={data}
        guess={{ width: 560, height: 280 }}
        right={16}
        fills={SEGMENTS.map((s) => ({ id: `${id}-${s.key}`, fill: s.fill }))}
      >
        {(size) => (
          <>
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={ticksThatFit(PERCENTS, percent, size.width - AXIS_LABELS.remediation.axisWidth - 20)}
              tick={PERCENT_TICK}
              // Five short ticks always fit: recharts then keeps them all without measuring each one.
              interval={0}
            />
            <YAxis
              type="category"
              dataKey="cohortId"
              width={AXIS_LABELS.remediation.axisWidth}
              interval={0}
              tick={rowTick(
                data,
                (d) => d.cohortId,
                (d) => ({ heading: d.heading, lines: axisLabelLines(d.label, "remediation") }),
              )}
            />
            <Bar dataKey={WHOLE} isAnimationActive={false} barSize={28} shape={row} />
          </>
        )}
      </BarRows>
    </div>
  );
};

export default RemediationChart;
