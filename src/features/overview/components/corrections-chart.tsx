import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/i18n";
import { niceCeiling } from "./overview-model";

export type TCorrectionsChartDatum = {
  /** Day as a UTC timestamp, so the x axis spaces reports by real time. */
  t: number;
  members: number;
  yen: number;
  membersText: string;
  yenText: string;
};

type TProps = { data: TCorrectionsChartDatum[] };

const DAY = 86_400_000;

/**
 * Cumulative members and yen put right, as step lines (a total only changes on a report date). Two panels
 * with their own axes rather than one chart with two scales, which would draw the same shape twice.
 */
const CorrectionsChart = ({ data }: TProps) => {
  const { t, f } = useI18n();
  const times = data.map((d) => d.t);
  const domain = [Math.min(...times) - 7 * DAY, Math.max(...times) + 7 * DAY];
  const top = (key: "members" | "yen") => niceCeiling(Math.max(...data.map((d) => d[key])));
  const dateTick = (v: number) => f.date(new Date(v).toISOString().slice(0, 10));
  const panel = (key: "members" | "yen", label: string, color: string, dash?: string) => (
    <div className="ov-chart-panel">
      <p className="ov-chart-panel-title">{label}</p>
      <div className="ov-chart-plot">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 134 }}>
          <LineChart
            data={data}
            accessibilityLayer={false}
            margin={{ top: 22, right: 40, bottom: 4, left: 8 }}
          >
            <CartesianGrid stroke="#d5d9e0" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={domain}
              ticks={times}
              tickFormatter={dateTick}
            />
            <YAxis
              width={72}
              allowDecimals={false}
              domain={[0, top(key)]}
              ticks={[0, top(key) / 2, top(key)]}
              tickFormatter={(v: number) => f.number(v)}
            />
            <Line
              type="stepAfter"
              dataKey={key}
              stroke={color}
              strokeWidth={2.5}
              strokeDasharray={dash}
              dot={{ r: 4, fill: color, stroke: "#fff", strokeWidth: 1 }}
              isAnimationActive={false}
            >
              <LabelList
                dataKey={`${key}Text`}
                position="top"
                fill="#1a1d21"
                fontWeight={700}
                fontSize={12}
              />
            </Line>
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
  return (
    <div className="ov-chart">
      {panel("members", t("overview.correctionsMembersAxis"), "#0072b2")}
      {panel("yen", t("overview.correctionsYenAxis"), "#d55e00", "6 3")}
    </div>
  );
};

export default CorrectionsChart;
