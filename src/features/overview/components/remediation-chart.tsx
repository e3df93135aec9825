import { useId } from "react";
import { BarRows } from "./bar-rows";
import { AXIS_LABELS, axisLabelLines, ChartLegend, FILLS, svgId } from "./chart-patterns";
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

const PERCENTS = [0, 25, 50, 75, 100];
const percent = (v: number) => `${v}%`;

/**
 * Completion per group as 100% bars: done, still to do, and not reported (never drawn as 0). One chart
 * per purpose, so a letter sent is never drawn as money put right; a row per group, every label kept.
 */
export const RemediationChart = ({ data, segments }: TProps) => {
  const id = svgId(useId());
  return (
    <div className="ov-chart">
      <ChartLegend
        idPrefix={id}
        items={SEGMENTS.map((s) => ({ key: s.key, label: segments[s.key], fill: s.fill }))}
      />
      <BarRows
        id={id}
        data={data}
        keyOf={(d) => d.cohortId}
        axisWidth={AXIS_LABELS.remediation.axisWidth}
        label={(d) => <AxisTick heading={d.heading} lines={axisLabelLines(d.label, "remediation")} />}
        right={16}
        top={100}
        ticks={PERCENTS}
        format={percent}
        fills={SEGMENTS.map((s) => ({ id: `${id}-${s.key}`, fill: s.fill }))}
        bar={28}
        // Each row's segments side by side, each with its text ("1,854名") inside it.
        row={(d) => ({
          parts: SEGMENTS.map((s) => ({
            value: d[`${s.key}Pct`],
            fill: `url(#${id}-${s.key})`,
            text: d[`${s.key}Text`],
          })),
        })}
      />
    </div>
  );
};
