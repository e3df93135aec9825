import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/i18n";
import { dotWithWords, GRID_AT_Y_TICKS, valueTick } from "./chart-marks";
import { ChartPlot, useOneByOne } from "./chart-plot";
import { niceCeiling } from "./overview-model";

/** One line of the chart: a purpose and population's cumulative people, or its yen (money only). */
export type TCorrectionsPanel = {
  key: string;
  title: string;
  color: string;
  dash?: string;
  /** Day as a UTC timestamp (so the x axis spaces reports by real time), the cumulative value, its label. */
  points: { t: number; value: number; text: string }[];
};

type TProps = { panels: TCorrectionsPanel[] };

const DAY = 86_400_000;

/** At most this many dates under a panel; more would overlap (the table lists every report). */
const MAX_TICKS = 6;

/** Evenly picked dates, the first and the last always among them. */
const pickTicks = (times: readonly number[]) => {
  const unique = [...new Set(times)].sort((a, b) => a - b);
  if (unique.length <= MAX_TICKS) return unique;
  const step = (unique.length - 1) / (MAX_TICKS - 1);
  return Array.from({ length: MAX_TICKS }, (_, i) => unique[Math.round(i * step)] as number);
};

/**
 * Cumulative progress as step lines (a total only changes on a report date), one panel per series and
 * measure, each with its own axes: money in people and in yen, letters in people only, and no two
 * populations on one line.
 */
const CorrectionsChart = ({ panels }: TProps) => {
  const { f } = useI18n();
  // Stable between renders: recharts registers an axis or a line again whenever one of these changes.
  const { dateTick, valueAxisTick } = useMemo(
    () => ({
      dateTick: (v: number) => f.date(new Date(v).toISOString().slice(0, 10)),
      valueAxisTick: valueTick(f.number, "end"),
    }),
    [f],
  );
  const dots = useMemo(
    () =>
      new Map(
        panels.map((panel) => [
          panel.key,
          dotWithWords({ r: 4, fill: panel.color, stroke: "#fff", strokeWidth: 1 }, (d) => ({
            text: String(d.text ?? ""),
            fontSize: 12,
          })),
        ]),
      ),
    [panels],
  );
  const shown = useOneByOne(panels.length);
  return (
    <div className="ov-chart">
      {panels.map((panel, i) => {
        // Not drawn yet: its box, so nothing moves when it is.
        if (i >= shown) {
          return (
            <div key={panel.key} className="ov-chart-panel">
              <p className="ov-chart-panel-title">{panel.title}</p>
              <div className="ov-chart-plot" />
            </div>
          );
        }
        const top = niceCeiling(Math.max(...panel.points.map((d) => d.value)));
        // Each series keeps its own time span: cases years apart would squeeze each other's reports.
        const times = panel.points.map((d) => d.t);
        const domain = [Math.min(...times) - 7 * DAY, Math.max(...times) + 7 * DAY];
        return (
          <div key={panel.key} className="ov-chart-panel">
            <p className="ov-chart-panel-title">{panel.title}</p>
            <ChartPlot guess={{ width: 560, height: 120 }}>
              {(initial) => (
                <ResponsiveContainer width="100%" height="100%" initialDimension={initial}>
                  <LineChart
                    data={panel.points}
                    accessibilityLayer={false}
                    margin={{ top: 22, right: 48, bottom: 4, left: 8 }}
                  >
                    <CartesianGrid stroke="#d5d9e0" {...GRID_AT_Y_TICKS} />
                    <XAxis
                      dataKey="t"
                      type="number"
                      scale="time"
                      domain={domain}
                      ticks={pickTicks(panel.points.map((d) => d.t))}
                      interval="preserveStartEnd"
                      minTickGap={12}
                      tickFormatter={dateTick}
                    />
                    <YAxis
                      width={84}
                      allowDecimals={false}
                      domain={[0, top]}
                      ticks={[0, top / 2, top]}
                      tick={valueAxisTick}
                      // Three short ticks always fit: recharts then keeps them all without measuring each.
                      interval={0}
                    />
                    <Line
                      type="stepAfter"
                      dataKey="value"
                      stroke={panel.color}
                      strokeWidth={2.5}
                      strokeDasharray={panel.dash}
                      dot={dots.get(panel.key)}
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              )}
            </ChartPlot>
          </div>
        );
      })}
    </div>
  );
};

export default CorrectionsChart;
