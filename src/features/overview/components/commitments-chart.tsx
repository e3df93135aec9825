import { useId, useMemo } from "react";
import { Bar, Cell, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/i18n";
import { valueTick } from "./chart-marks";
import { svgId, type TFill } from "./chart-patterns";
import { BarRows } from "./chart-plot";

export type TCommitmentsChartDatum = {
  status: string;
  label: string;
  count: number;
  countText: string;
  fill: TFill;
  /** About how wide "status  N件" is drawn, so the axis holds the longest in either language. */
  width: number;
};

type TProps = { data: TCommitmentsChartDatum[] };

/**
 * Commitments per status; every status has a row, and its count is written beside its name, because a
 * bar of 0 has no length to carry a label and an empty "verified" row is the point.
 */
const CommitmentsChart = ({ data }: TProps) => {
  const { f } = useI18n();
  const id = svgId(useId());
  const tick = useMemo(() => valueTick(f.number), [f]);
  return (
    <div className="ov-chart">
      <BarRows
        data={data}
        guess={{ width: 560, height: 210 }}
        right={24}
        fills={data.map((d) => ({ id: `${id}-${d.status}`, fill: d.fill }))}
      >
        {() => (
          <>
            <XAxis
              type="number"
              allowDecimals={false}
              tick={tick}
              // Recharts' five ticks, which always fit: kept without measuring each one.
              interval={0}
            />
            <YAxis
              type="category"
              dataKey="status"
              width={Math.max(120, ...data.map((d) => d.width + 20))}
              interval={0}
              tick={(props) => {
                const d = data.find((row) => row.status === props.payload.value);
                return (
                  <g transform={`translate(${Number(props.x ?? 0)},${Number(props.y ?? 0)})`}>
                    <text x={-8} y={4} textAnchor="end" fontSize={12} fill="#1a1d21">
                      {d?.label}
                      <tspan dx={6} fontWeight={700}>
                        {d?.countText}
                      </tspan>
                    </text>
                  </g>
                );
              }}
            />
            <Bar dataKey="count" isAnimationActive={false} barSize={22} stroke="#1a1d21" strokeWidth={0.5}>
              {data.map((d) => (
                <Cell key={d.status} fill={`url(#${id}-${d.status})`} />
              ))}
            </Bar>
          </>
        )}
      </BarRows>
    </div>
  );
};

export default CommitmentsChart;
