import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/i18n";
import { FillPattern, svgId, type TFill } from "./chart-patterns";

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
  return (
    <div className="ov-chart">
      <div className="ov-chart-plot">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 210 }}>
          <BarChart
            data={data}
            accessibilityLayer={false}
            layout="vertical"
            margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
          >
            <defs>
              {data.map((d) => (
                <FillPattern key={d.status} id={`${id}-${d.status}`} fill={d.fill} />
              ))}
            </defs>
            <CartesianGrid horizontal={false} stroke="#d5d9e0" />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => f.number(v)} />
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
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
};

export default CommitmentsChart;
