import type { overview as ja } from "../ja/overview";

export const overview = {
  title: "Overview",
} as const satisfies Record<keyof typeof ja, string>;
