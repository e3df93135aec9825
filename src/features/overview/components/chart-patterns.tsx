/*
 * Fills that stay apart in grey print and for colour-blind readers: Okabe–Ito colours, each with its own
 * texture (solid, stripes, dots, cross-hatch). Plain SVG, shared by the charts and their HTML legends.
 */
export type TFill = { color: string; texture: "solid" | "stripes" | "dots" | "cross" };

export const FILLS = {
  done: { color: "#0072b2", texture: "solid" },
  remaining: { color: "#e69f00", texture: "stripes" },
  unknown: { color: "#8a8f98", texture: "cross" },
  serviceA: { color: "#0072b2", texture: "solid" },
  serviceB: { color: "#e69f00", texture: "stripes" },
  serviceC: { color: "#009e73", texture: "dots" },
  serviceD: { color: "#cc79a7", texture: "cross" },
  open: { color: "#d55e00", texture: "stripes" },
  inProgress: { color: "#e69f00", texture: "solid" },
  vendorDone: { color: "#56b4e9", texture: "dots" },
  verified: { color: "#0072b2", texture: "solid" },
  reopened: { color: "#cc79a7", texture: "cross" },
} as const satisfies Record<string, TFill>;

export const SERVICE_FILLS: TFill[] = [FILLS.serviceA, FILLS.serviceB, FILLS.serviceC, FILLS.serviceD];

/** An SVG pattern for a fill; reference it as `url(#id)`. */
export const FillPattern = ({ id, fill }: { id: string; fill: TFill }) => (
  <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
    <rect width="8" height="8" fill={fill.color} />
    {fill.texture === "stripes" ? (
      <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#ffffff" strokeWidth="1.6" />
    ) : null}
    {fill.texture === "dots" ? <circle cx="4" cy="4" r="1.5" fill="#ffffff" /> : null}
    {fill.texture === "cross" ? <path d="M0,0 l8,8 M8,0 l-8,8" stroke="#ffffff" strokeWidth="1.2" /> : null}
  </pattern>
);

/** The key of a legend: the same colour and texture as the chart, drawn in a small square. */
export const Swatch = ({ id, fill }: { id: string; fill: TFill }) => (
  <svg width="14" height="14" aria-hidden="true" className="ov-swatch">
    <defs>
      <FillPattern id={id} fill={fill} />
    </defs>
    <rect width="14" height="14" fill={`url(#${id})`} stroke="#1a1d21" strokeWidth="0.5" />
  </svg>
);

export type TLegendItem = { key: string; label: string; fill: TFill };

export const ChartLegend = ({ idPrefix, items }: { idPrefix: string; items: TLegendItem[] }) => (
  <ul className="ov-legend">
    {items.map((item) => (
      <li key={item.key}>
        <Swatch id={`${idPrefix}-legend-${item.key}`} fill={item.fill} />
        {item.label}
      </li>
    ))}
  </ul>
);

/** SVG ids may not contain the colons React's useId produces. */
export const svgId = (reactId: string) => reactId.replace(/[^a-zA-Z0-9_-]/g, "");

/** About how wide a text is drawn in SVG: CJK characters one em, others a little over half an em. */
export const textWidth = (text: string, fontPx: number) =>
  [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? fontPx : fontPx * 0.58), 0);

/**
 * Splits a label into at most `maxLines` lines of about equal width that fit `maxWidthPx` (CJK characters
 * count as one em, others about half), so long cohort and incident names wrap in an axis instead of being
 * cut, and never leave one character alone on a line.
 */
export const wrapLabel = (text: string, maxWidthPx: number, fontPx: number, maxLines = 3): string[] => {
  const width = (s: string) => textWidth(s, fontPx);
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [text];
  const lineCount = Math.min(maxLines, Math.max(1, Math.ceil(width(text) / maxWidthPx)));
  const target = Math.min(maxWidthPx, width(text) / lineCount + fontPx);
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    const next = line + token;
    if (width(next.trim()) <= target || line.trim() === "") {
      line = next;
    } else {
      lines.push(line.trim());
      line = token.trimStart();
    }
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
};

/**
 * The category labels of the bar charts: how wide the axis is, how wide and how many lines a name may
 * take. The frames size each row from the same numbers, so a name that wraps never runs into the next.
 */
export const AXIS_LABELS = {
  affected: { axisWidth: 180, textWidth: 160, maxLines: 2 },
  remediation: { axisWidth: 200, textWidth: 180, maxLines: 3 },
} as const;

const LABEL_FONT_PX = 11;
const LABEL_LINE_PX = 13;

/** The lines a bar's name takes under its heading ("事故2"), wrapped as the axis draws it. */
export const axisLabelLines = (text: string, chart: keyof typeof AXIS_LABELS) =>
  wrapLabel(text, AXIS_LABELS[chart].textWidth, LABEL_FONT_PX, AXIS_LABELS[chart].maxLines);

/** A row tall enough for the heading and the most lines any of its names takes, with a little air. */
export const rowPxFor = (names: readonly string[], chart: keyof typeof AXIS_LABELS) =>
  Math.max(52, (1 + Math.max(0, ...names.map((n) => axisLabelLines(n, chart).length))) * LABEL_LINE_PX + 16);
