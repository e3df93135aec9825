import type { meetings as ja } from "../ja/meetings";

export const meetings = {
  title: "Board meetings",
} as const satisfies Record<keyof typeof ja, string>;
