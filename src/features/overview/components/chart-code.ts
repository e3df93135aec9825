/*
 * The progress chart's code (recharts, one chunk: vite.config.ts), asked for once. The overview's route
 * loader calls `preloadCharts` together with the data requests, so the code is on its way while the data
 * is, instead of being requested only once the data has arrived and the chart's frame has rendered. The
 * bar charts need no code of their own: they are plain SVG, drawn with the page (bar-rows.tsx).
 */

let corrections: Promise<typeof import("./corrections-chart")> | undefined;

export const correctionsChartCode = () => {
  corrections ??= import("./corrections-chart");
  return corrections;
};

/** Starts loading the charts' code; a failure is left to the chart that needs it to show. */
export const preloadCharts = () => {
  correctionsChartCode().catch(() => undefined);
};
