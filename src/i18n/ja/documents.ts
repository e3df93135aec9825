/** Strings of the documents feature. */
export const documents = {
  title: "資料",
} as const;
