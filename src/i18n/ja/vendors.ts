/** Strings of the vendors feature. */
export const vendors = {
  title: "委託先",
} as const;
