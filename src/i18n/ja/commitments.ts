/** Strings of the commitments feature. */
export const commitments = {
  title: "約束・要求",
} as const;
