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

/**
 * Starts loading the charts' code; a failure is left to the chart that needs it to show. Not while the
 * app adopts a page the server drew (its root is marked busy until then): that page asked for the code
 * itself (a modulepreload, src/server/first-screen-html.ts), which fetches it without running it, and
 * the chart runs it once it comes near the viewport. On a phone the progress chart is far below the
 * first screen: recharts (~20 ms of the app's start at 1×) does not run at all until the reader scrolls.
 */
export const preloadChartsUnlessAdopting = () => {
  if (
    typeof document !== "undefined" &&
    document.getElementById("root")?.getAttribute("aria-busy") === "true"
  )
    return;
  correctionsChartCode().catch(() => undefined);
};
