import { useId } from "react";
import { useI18n } from "@/i18n/i18n";
import { BarRows, wholeTicks } from "./bar-rows";
import { svgId, type TFill } from "./chart-patterns";
import { niceCeiling } from "./overview-model";

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
export const CommitmentsChart = ({ data }: TProps) => {
  const { f } = useI18n();
  const id = svgId(useId());
  const top = niceCeiling(Math.max(0, ...data.map((d) => d.count)));
  return (
    <div className="ov-chart">
      <BarRows
        id={id}
        data={data}
        keyOf={(d) => d.status}
        axisWidth={Math.max(120, ...data.map((d) => d.width + 20))}
        label={(d) => (
          <text x={-8} y={4} textAnchor="end" fontSize={12} fill="#1a1d21">
            {d.label}
            <tspan dx={6} fontWeight={700}>
              {d.countText}
            </tspan>
          </text>
        )}
        right={24}
        top={top}
        ticks={wholeTicks(top)}
        format={f.number}
        fills={data.map((d) => ({ id: `${id}-${d.status}`, fill: d.fill }))}
        bar={22}
        row={(d) => ({ parts: [{ value: d.count, fill: `url(#${id}-${d.status})`, text: "" }] })}
      />
    </div>
  );
};
