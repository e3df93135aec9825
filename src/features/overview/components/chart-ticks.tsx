/** A category tick in two parts: a bold heading ("事故2") and the wrapped name under it. */
export const AxisTick = ({
  x,
  y,
  heading,
  lines,
}: {
  x?: number | string;
  y?: number | string;
  heading: string;
  lines: string[];
}) => {
  const total = 1 + lines.length;
  const lineHeight = 13;
  const top = -((total - 1) * lineHeight) / 2 + 4;
  return (
    <g transform={`translate(${Number(x ?? 0)},${Number(y ?? 0)})`}>
      <text x={-8} y={top} textAnchor="end" fontSize={12} fontWeight={700} fill="#1a1d21">
        {heading}
      </text>
      {lines.map((line, i) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label, fixed order
          key={i}
          x={-8}
          y={top + (i + 1) * lineHeight}
          textAnchor="end"
          fontSize={11}
          fill="#4a5260"
        >
          {line}
        </text>
      ))}
    </g>
  );
};

/** A category axis's tick for the row whose key it carries: the row's heading and its wrapped name. */
export const rowTick =
  <T,>(
    rows: readonly T[],
    keyOf: (row: T) => string,
    labelOf: (row: T) => { heading: string; lines: string[] },
  ) =>
  ({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => {
    const row = rows.find((r) => keyOf(r) === payload?.value);
    const label = row ? labelOf(row) : { heading: "", lines: [] };
    return <AxisTick x={x} y={y} heading={label.heading} lines={label.lines} />;
  };
