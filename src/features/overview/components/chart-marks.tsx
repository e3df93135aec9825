import type { BarShapeProps, CartesianGridProps, DotItemDotProps } from "recharts";
import { textWidth } from "./chart-patterns";

/*
 * The words on the charts' marks, drawn as plain SVG with the mark. Recharts' LabelList draws each
 * label through its own components, which read the chart's state and measure every word in the page
 * again on each of the chart's first renders: on the first screen that made the first chart's task
 * ~10 ms longer, past the 50 ms a task may take (issue 10). The words here never wrap, and the frames
 * already leave them room, so nothing needs measuring.
 */

const INK = "#1a1d21";
/** Half a line down from the y given: the words sit centred on it, as recharts' labels did. */
const CENTRED_DY = "0.355em";

type TWords = { text: string; fontSize: number };

/** Words on a mark: bold, in ink, with the white halo that keeps them readable over a texture. */
const Words = ({
  x,
  y,
  dy,
  anchor,
  words,
}: {
  x: number;
  y: number;
  dy?: string;
  anchor: "start" | "middle";
  words: TWords;
}) => (
  <text
    x={x}
    y={y}
    dy={dy}
    textAnchor={anchor}
    fontSize={words.fontSize}
    fontWeight={700}
    fill={INK}
    className="ov-mark-words"
  >
    {words.text}
  </text>
);

/** A part of a row's stack: its size, its fill, and the words inside it (empty when it is too thin). */
export type TStackPart = { value: number; fill: string; text: string };

/**
 * A row's whole stack drawn as one bar: its parts side by side, each with its words centred in it, and
 * the row's words just after its end. One bar per row rather than one per part: recharts registers,
 * lays out and renders each bar on its own, again on each of the chart's first renders.
 */
export const stackedRow =
  (rowOf: (datum: Record<string, unknown>) => { parts: TStackPart[]; after?: TWords }) =>
  ({ x, y, width, height, payload }: BarShapeProps) => {
    const { parts, after } = rowOf(payload ?? {});
    const total = parts.reduce((sum, p) => sum + p.value, 0);
    let left = x;
    return (
      <g>
        {parts.map((part, i) => {
          const w = total > 0 ? (width * part.value) / total : 0;
          const at = left;
          left += w;
          return w > 0 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one row, in a fixed order
            <g key={i}>
              <rect x={at} y={y} width={w} height={height} fill={part.fill} stroke={INK} strokeWidth={0.5} />
              {part.text ? (
                <Words
                  x={at + w / 2}
                  y={y + height / 2}
                  dy={CENTRED_DY}
                  anchor="middle"
                  words={{ text: part.text, fontSize: 12 }}
                />
              ) : null}
            </g>
          ) : null;
        })}
        {after?.text ? (
          <Words x={x + width + 5} y={y + height / 2} dy={CENTRED_DY} anchor="start" words={after} />
        ) : null}
      </g>
    );
  };

type TGridAxis = Parameters<NonNullable<CartesianGridProps["verticalCoordinatesGenerator"]>>[0]["xAxis"];

/** Where an axis's ticks fall, and both ends of the plot. */
const linesAt = (axis: TGridAxis, from: number, to: number) => {
  const at = (axis?.ticks ?? axis?.niceTicks ?? []).flatMap((v) => {
    const px = axis?.scale?.map(v);
    return px === undefined ? [] : [px];
  });
  return [...at, ...[from, to].filter((px) => !at.includes(px))];
};

/*
 * The grid's lines at the value axis's ticks. Recharts' own placement measures each tick's words in the
 * page to drop those that would overlap, not seeing that the axis keeps them all (interval 0), and does
 * so for the lines it does not draw too: ~5 ms of the first chart's task.
 */
export const GRID_AT_X_TICKS = {
  verticalCoordinatesGenerator: (({ xAxis, offset }) =>
    linesAt(
      xAxis,
      offset.left,
      offset.left + offset.width,
    )) as CartesianGridProps["verticalCoordinatesGenerator"],
  horizontal: false,
  horizontalCoordinatesGenerator: () => [],
} satisfies CartesianGridProps;

export const GRID_AT_Y_TICKS = {
  horizontalCoordinatesGenerator: (({ yAxis, offset }) =>
    linesAt(
      yAxis,
      offset.top,
      offset.top + offset.height,
    )) as CartesianGridProps["horizontalCoordinatesGenerator"],
  vertical: false,
  verticalCoordinatesGenerator: () => [],
} satisfies CartesianGridProps;

type TTickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

/**
 * A value axis's tick as plain SVG text, as recharts draws it (grey, centred under the tick). Recharts'
 * own tick measures its words to wrap them, though a number never wraps.
 */
export const valueTick =
  (format: (value: number) => string, anchor: "middle" | "end" = "middle") =>
  ({ x, y, payload }: TTickProps) => (
    <text
      x={Number(x ?? 0)}
      y={Number(y ?? 0)}
      dy={anchor === "middle" ? "0.71em" : CENTRED_DY}
      textAnchor={anchor}
      fill="#666"
      className="recharts-cartesian-axis-tick-value"
    >
      {format(Number(payload?.value ?? 0))}
    </text>
  );

/** A line's point as a dot with its words just above it ("1,854名"). */
export const dotWithWords =
  (
    dot: { r: number; fill: string; stroke: string; strokeWidth: number },
    wordsOf: (datum: Record<string, unknown>) => TWords,
  ) =>
  ({ cx, cy, index, payload }: DotItemDotProps) => {
    const x = Number(cx ?? 0);
    const y = Number(cy ?? 0);
    const words = wordsOf(payload ?? {});
    return (
      <g key={`dot-${index}`}>
        <circle cx={x} cy={y} r={dot.r} fill={dot.fill} stroke={dot.stroke} strokeWidth={dot.strokeWidth} />
        {words.text ? <Words x={x} y={y - 5} anchor="middle" words={words} /> : null}
      </g>
    );
  };

/** The ticks' words: the browser's default size, as recharts draws them. */
const TICK_PX = 16;
/** The least room between two ticks' words (px). */
const TICK_GAP_PX = 8;

/**
 * The evenly spaced ticks whose words fit side by side along an axis `length` px long: every k-th, k
 * dividing the steps so that both ends are kept. (Recharts measured each word in the page to drop those
 * that overlap; here their widths are estimated, and the axis keeps every tick it is given: interval 0.)
 */
export const ticksThatFit = (values: readonly number[], format: (v: number) => string, length: number) => {
  const steps = values.length - 1;
  if (steps < 1 || length <= 0) return [...values];
  const widest = Math.max(...values.map((v) => textWidth(format(v), TICK_PX))) + TICK_GAP_PX;
  const needed = Math.ceil(widest / (length / steps));
  const every =
    Array.from({ length: steps }, (_, i) => i + 1).find((k) => k >= needed && steps % k === 0) ?? steps;
  return values.filter((_, i) => i % every === 0);
};
