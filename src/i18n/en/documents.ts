import type { documents as ja } from "../ja/documents";

export const documents = {
  title: "Documents",
} as const satisfies Record<keyof typeof ja, string>;
