/**
 * A category tick in two parts: a bold heading ("事故2") and the wrapped name under it, ending 8 px left of
 * x = 0 and centred on y = 0 (the chart places it at its row).
 */
export const AxisTick = ({ heading, lines }: { heading: string; lines: string[] }) => {
  const total = 1 + lines.length;
  const lineHeight = 13;
  const top = -((total - 1) * lineHeight) / 2 + 4;
  return (
    <>
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
    </>
  );
};
