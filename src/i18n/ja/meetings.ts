/** Strings of the meetings feature. */
export const meetings = {
  title: "理事会",
} as const;
