import type { vendors as ja } from "../ja/vendors";

export const vendors = {
  title: "Vendors",
} as const satisfies Record<keyof typeof ja, string>;
