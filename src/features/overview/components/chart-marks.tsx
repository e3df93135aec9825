import type { CartesianGridProps, DotItemDotProps } from "recharts";

/*
 * The words on the charts' marks (the bar charts' parts, the progress chart's dots), drawn as plain SVG
 * with the mark. Recharts' LabelList draws each label through its own components, which read the chart's
 * state and measure every word in the page again on each of the chart's first renders (~10 ms of a
 * chart's task at 1×, issue 10). The words here never wrap, and the frames already leave them room, so
 * nothing needs measuring.
 */

/** The charts' ink: marks' outlines and the words on them. */
export const INK = "#1a1d21";
/** Half a line down from the y given: the words sit centred on it, as recharts' labels did. */
export const CENTRED_DY = "0.355em";

export type TWords = { text: string; fontSize: number };

/** Words on a mark: bold, in ink, with the white halo that keeps them readable over a texture. */
export const Words = ({
  x,
  y,
  dx,
  dy,
  anchor,
  words,
}: {
  /** A position, or a percentage of the drawing's width ("37.5%"). */
  x: number | string;
  y?: number;
  dx?: number;
  dy?: string;
  anchor: "start" | "middle";
  words: TWords;
}) => (
  <text
    x={x}
    y={y}
    dx={dx}
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

type TGridAxis = Parameters<NonNullable<CartesianGridProps["horizontalCoordinatesGenerator"]>>[0]["yAxis"];

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
 * so for the lines it does not draw too.
 */
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
