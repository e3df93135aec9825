import type { incidents as ja } from "../ja/incidents";

export const incidents = {
  title: "Incidents",
} as const satisfies Record<keyof typeof ja, string>;
