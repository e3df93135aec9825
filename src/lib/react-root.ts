/*
 * The app's React root, made here so that React itself starts (its CommonJS factories run: ~10–15 ms at
 * 1× CPU) when React's own chunk is evaluated. vite.config.ts puts this module in that chunk, which
 * public/after-paint.js runs in a task of its own; with the root made in the entry, React started
 * inside the entry's evaluation, one task ~30 ms long at 1× (issue 10).
 */
import type { ReactNode } from "react";
import { createRoot, type HydrationOptions, hydrateRoot } from "react-dom/client";

/** Draws `app` into `element`, which holds nothing yet. */
export const drawInto = (element: HTMLElement, app: ReactNode) => createRoot(element).render(app);

/** Adopts what the server drew in `element` (hydration) as `app`, which draws the same. */
export const adopt = (element: HTMLElement, app: ReactNode, options: HydrationOptions) =>
  hydrateRoot(element, app, options);
