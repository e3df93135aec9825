/** Strings of the overview feature. */
export const overview = {
  title: "概要",
} as const;
