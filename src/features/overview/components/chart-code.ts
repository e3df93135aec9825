/*
 * The charts' code (recharts, one chunk: vite.config.ts), asked for once. The overview's route loader
 * calls `preloadCharts` together with the data requests, so the code is on its way while the data is,
 * instead of being requested only once the data has arrived and a chart frame has rendered.
 */

let affected: Promise<typeof import("./affected-chart")> | undefined;
let remediation: Promise<typeof import("./remediation-chart")> | undefined;
let corrections: Promise<typeof import("./corrections-chart")> | undefined;
let commitments: Promise<typeof import("./commitments-chart")> | undefined;

export const chartCode = {
  affected: () => {
    affected ??= import("./affected-chart");
    return affected;
  },
  remediation: () => {
    remediation ??= import("./remediation-chart");
    return remediation;
  },
  corrections: () => {
    corrections ??= import("./corrections-chart");
    return corrections;
  },
  commitments: () => {
    commitments ??= import("./commitments-chart");
    return commitments;
  },
};

/** Starts loading every chart's code; a failure is left to the chart that needs it to show. */
export const preloadCharts = () => {
  for (const load of Object.values(chartCode)) load().catch(() => undefined);
};
