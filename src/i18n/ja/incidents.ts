/** Strings of the incidents feature. */
export const incidents = {
  title: "事故",
} as const;
