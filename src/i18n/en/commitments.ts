import type { commitments as ja } from "../ja/commitments";

export const commitments = {
  title: "Commitments",
} as const satisfies Record<keyof typeof ja, string>;
