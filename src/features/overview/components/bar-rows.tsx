import { Fragment, type ReactNode } from "react";
import { CENTRED_DY, INK, type TStackPart, type TWords, Words } from "./chart-marks";
import { FillPattern, type TFill, textWidth } from "./chart-patterns";

/*
 * The overview's bar charts (a row per incident, group or status, its parts side by side), drawn as
 * plain SVG whose value axis is in percent of the plot's width and whose rows are in percent of its
 * height. Nothing is measured: the drawing is the same at any width, so the server draws it in the page's
 * first HTML and the browser adopts it as it is (docs/boot.md). Drawn by recharts, a bar chart needed its
 * box measured first, then ~40–60 ms of rendering at 1× CPU, once the app had started: the first chart
 * reached the screen ~300 ms after the figures (issue 10).
 */

const AXIS = "#666";
const GRID = "#d5d9e0";
/** The value axis's band under the plot: its tick marks and their words (px). */
const AXIS_BAND_PX = 30;
const TICK_MARK_PX = 6;
const TICK_FONT_PX = 13;
/** The least room between two ticks' words (px). */
const TICK_GAP_PX = 8;

/** A fraction as an SVG percentage ("37.5%"). */
const pct = (fraction: number) => `${Number((fraction * 100).toFixed(3))}%`;

/** A row: its parts side by side from 0 (values on the axis's scale) and the words after its end. */
export type TBarRow = { parts: TStackPart[]; after?: TWords };

/**
 * The width (px) below which each tick's words are left out, so that those kept never run into each
 * other: every k-th tick, k dividing the steps so both ends stay (0 for the ends: always drawn). The
 * widths of the words are estimated; the page's CSS hides the ticks (a container query on the axis).
 */
export const tickHiddenBelow = (values: readonly number[], format: (v: number) => string) => {
  const steps = values.length - 1;
  if (steps < 1) return values.map(() => 0);
  const widest = Math.max(...values.map((v) => textWidth(format(v), TICK_FONT_PX))) + TICK_GAP_PX;
  /*
   * The k's, each dividing the next (1, 2, 4 for four steps; 1, 2, 6 for six): a tick kept at some width
   * is then kept at every larger one. With 2 and 3 both, the ticks at 2 and 3 could be drawn side by side.
   */
  const chain = [1];
  for (let k = 2; k <= steps; k++) if (steps % k === 0 && k % (chain.at(-1) ?? 1) === 0) chain.push(k);
  return values.map((_, i) => {
    if (i === 0 || i === steps) return 0;
    // Kept while every k-th tick fits, for the largest k that keeps it: each step then has `k` steps' room.
    const k = Math.max(...chain.filter((c) => i % c === 0));
    return Math.ceil((widest * steps) / k);
  });
};

/** The style that leaves out the ticks that do not fit, for the axis with id `axisId`. */
const tickStyle = (axisId: string, hiddenBelow: readonly number[]) =>
  [...new Set(hiddenBelow.filter((w) => w > 0))]
    .map((w) => `@container (max-width: ${w - 1}px) { #${axisId} .ov-tick-${w} { display: none; } }`)
    .join("\n");

/** A row's parts and its words, in percent of the plot's width, centred on y = 0. */
const RowMarks = ({ row, top, bar }: { row: TBarRow; top: number; bar: number }) => {
  let left = 0;
  return (
    <>
      {row.parts.map((part, i) => {
        const width = top > 0 ? Math.max(0, part.value) / top : 0;
        const at = left;
        left += width;
        return width > 0 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one row, in a fixed order
          <Fragment key={i}>
            <rect
              x={pct(at)}
              y={-bar / 2}
              width={pct(width)}
              height={bar}
              fill={part.fill}
              stroke={INK}
              strokeWidth={0.5}
            />
            {part.text ? (
              <Words
                x={pct(at + width / 2)}
                dy={CENTRED_DY}
                anchor="middle"
                words={{ text: part.text, fontSize: 12 }}
              />
            ) : null}
          </Fragment>
        ) : null;
      })}
      {row.after?.text ? (
        <Words x={pct(left)} dx={5} dy={CENTRED_DY} anchor="start" words={row.after} />
      ) : null}
    </>
  );
};

/**
 * Each row's place: a nested SVG whose origin is at the row's centre (in percent of the height, so rows
 * need no px) and `x` px from the left.
 */
const AtRow = ({
  index,
  rows,
  x,
  children,
}: {
  index: number;
  rows: number;
  x?: number;
  children: ReactNode;
}) => (
  <svg x={x} y={pct((index + 0.5) / rows)} aria-hidden="true">
    {children}
  </svg>
);

/**
 * A chart of horizontal bars, a row per datum: the category axis (each row's words, `label`, drawn with
 * its right end at x = 0), the plot with its grid at the ticks, and the value axis under it.
 */
export const BarRows = <T,>({
  id,
  data,
  keyOf,
  axisWidth,
  label,
  right,
  top,
  ticks,
  format,
  fills,
  bar,
  row,
}: {
  /** The chart's id (svgId of a useId): its fills and its axis are named from it. */
  id: string;
  data: readonly T[];
  keyOf: (datum: T) => string;
  /** The category axis's width (px). */
  axisWidth: number;
  /** A row's words on the category axis, drawn to end left of x = 0 and centred on y = 0. */
  label: (datum: T) => ReactNode;
  /** Room after the plot (px), for the words written after the longest bar. */
  right: number;
  /** The value at the plot's right end; the axis starts at 0. */
  top: number;
  ticks: readonly number[];
  format: (value: number) => string;
  fills: { id: string; fill: TFill }[];
  /** A bar's thickness (px). */
  bar: number;
  row: (datum: T) => TBarRow;
}) => {
  const rows = Math.max(1, data.length);
  const axisId = `${id}-axis`;
  const hiddenBelow = tickHiddenBelow(ticks, format);
  const style = tickStyle(axisId, hiddenBelow);
  const x = (value: number) => pct(top > 0 ? value / top : 0);
  return (
    <div
      className="ov-bars"
      style={{
        gridTemplateColumns: `${axisWidth}px minmax(0, 1fr) ${right}px`,
        gridTemplateRows: `minmax(0, 1fr) ${AXIS_BAND_PX}px`,
      }}
    >
      {style ? <style>{style}</style> : null}
      <svg className="ov-bars-labels" width={axisWidth} height="100%" aria-hidden="true">
        {data.map((d, i) => (
          <AtRow key={keyOf(d)} index={i} rows={rows} x={axisWidth}>
            {label(d)}
          </AtRow>
        ))}
      </svg>
      <svg className="ov-bars-plot" width="100%" height="100%" aria-hidden="true">
        <defs>
          {fills.map((f) => (
            <FillPattern key={f.id} id={f.id} fill={f.fill} />
          ))}
        </defs>
        <g className="ov-bars-grid">
          {[...new Set([0, ...ticks, top])].map((v) => (
            <line key={v} x1={x(v)} x2={x(v)} y1={0} y2="100%" stroke={GRID} />
          ))}
        </g>
        {data.map((d, i) => (
          <AtRow key={keyOf(d)} index={i} rows={rows}>
            <RowMarks row={row(d)} top={top} bar={bar} />
          </AtRow>
        ))}
        <line x1={0} x2={0} y1={0} y2="100%" stroke={AXIS} />
      </svg>
      <div className="ov-bars-axis" id={axisId}>
        <svg width="100%" height={AXIS_BAND_PX} aria-hidden="true">
          <line x1={0} x2="100%" y1={0} y2={0} stroke={AXIS} />
          {ticks.map((v, i) => (
            <g key={v} className={hiddenBelow[i] ? `ov-tick-${hiddenBelow[i]}` : undefined}>
              <line x1={x(v)} x2={x(v)} y1={0} y2={TICK_MARK_PX} stroke={AXIS} />
              <text
                x={x(v)}
                y={TICK_MARK_PX + 2}
                dy="0.71em"
                textAnchor="middle"
                fontSize={TICK_FONT_PX}
                fill={AXIS}
                className="ov-tick"
              >
                {format(v)}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </div>
  );
};

/**
 * The value axis's ticks up to `top` for counts (never drawn as fractions): each whole number up to 10,
 * above that 0, the top and the quarters between that are whole numbers.
 */
export const wholeTicks = (top: number) =>
  top <= 10
    ? Array.from({ length: Math.floor(top) + 1 }, (_, i) => i)
    : [0, top / 4, top / 2, (top * 3) / 4, top].filter(Number.isInteger);
