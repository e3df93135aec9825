import { type ReactNode, startTransition, useEffect, useLayoutEffect, useRef, useState } from "react";

export type TSize = { width: number; height: number };

/**
 * The plot's box, with the chart in it drawn at the box's size from its first render. Recharts'
 * ResponsiveContainer starts at a guessed size, measures its box once the chart has rendered, then
 * renders the whole chart again at the real size: one more render of every mark, in the task that draws
 * the chart. Measured here first, the chart renders once. The size then follows the box (a window
 * resized), so a chart can choose what fits it (its ticks); ResponsiveContainer still resizes the drawing.
 */
export const ChartPlot = ({ guess, children }: { guess: TSize; children: (size: TSize) => ReactNode }) => {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<TSize | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the box is watched from its first appearance
  useLayoutEffect(() => {
    const element = box.current;
    const measure = () => {
      const rect = element?.getBoundingClientRect();
      const laidOut = rect !== undefined && rect.width > 0 && rect.height > 0;
      // Nothing laid out (a test's document): the guess, as recharts had it.
      return laidOut ? { width: Math.round(rect.width), height: Math.round(rect.height) } : guess;
    };
    const first = measure();
    // In a transition: the chart's first render is sliced into short tasks, not run in this commit's.
    startTransition(() => setSize(first));
    if (!element || typeof ResizeObserver === "undefined") return;
    // The observer reports the box once at the start too: only a change is news (an update then, before
    // the transition above has rendered, would render the chart outside it, in one task).
    let last = first;
    const observer = new ResizeObserver(() => {
      const next = measure();
      if (next.width === last.width && next.height === last.height) return;
      last = next;
      setSize(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="ov-chart-plot">
      {size ? children(size) : null}
    </div>
  );
};

/**
 * How many of a frame's `count` charts may draw yet: one more in each task, each in a transition. A
 * frame with a chart per series drew them all in one task, over the 50 ms a task may take (issue 10).
 * Printing draws them all.
 */
export const useOneByOne = (count: number) => {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= count) return;
    const next = setTimeout(() => startTransition(() => setShown((n) => n + 1)), 0);
    const all = () => setShown(count);
    window.addEventListener("beforeprint", all);
    return () => {
      clearTimeout(next);
      window.removeEventListener("beforeprint", all);
    };
  }, [shown, count]);
  return shown;
};
