import {
  type ReactNode,
  Suspense,
  startTransition,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useI18n } from "@/i18n/i18n";

type TProps = {
  title: string;
  description?: string;
  /**
   * The chart itself (lazy-loaded recharts code is fine: a placeholder holds its space meanwhile), with
   * recharts' `accessibilityLayer={false}` (see the body below): nothing in it may take focus.
   */
  chart: ReactNode;
  /** The same data as a table: the chart's text alternative, one click away and always in print. */
  table: ReactNode;
  /**
   * The chart's height in px, fixed: the placeholder and the chart (legend included, which has to fit
   * in it) take exactly this, so nothing below moves when the chart's code arrives.
   */
  height: number;
  /**
   * The chart is plain SVG that needs no code to load and no measuring (the overview's bar charts): it
   * is drawn with the frame, on the server too, without waiting for its turn.
   */
  drawNow?: boolean;
};

/*
 * Charts that need code or measuring are drawn when they come near the viewport, one at a time: drawing
 * all of a page's charts in one task blocked the main thread for 400–600 ms (issue 10). Plain SVG charts
 * that need neither (`drawNow`) are drawn with the frame. A chart whose turn comes draws in a transition;
 * the next one's turn comes once the browser is idle again. Printing draws every chart.
 */
const waiting: ((turn: number) => void)[] = [];
let drawing = false;
/** The turn now running; ending it twice (drawn, and the safety timer) passes the turn on once. */
let turn = 0;

const nextTurn = () => {
  const run = waiting.shift();
  drawing = run !== undefined;
  if (!run) return;
  turn += 1;
  const mine = turn;
  // A chart whose code never arrives must not hold the others back.
  setTimeout(() => endTurn(mine), 3000);
  run(mine);
};

/** Ends turn `which` (once): the next waiting chart gets its turn when the browser is idle. */
const endTurn = (which: number) => {
  if (which !== turn || !drawing) return;
  drawing = false;
  turn += 1;
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  const go = () => {
    if (!drawing) nextTurn();
  };
  if (idle) idle(go, { timeout: 200 });
  else setTimeout(go, 0);
};

const takeTurn = (draw: (turn: number) => void) => {
  waiting.push(draw);
  if (!drawing) nextTurn();
};

/** How far outside the viewport a chart starts drawing (px): it is ready when scrolled to. */
const NEAR_PX = 300;

/**
 * Whether the chart in `ref` may draw: near the viewport and its turn come (or the page is printing).
 * A chart that waits for nothing (`waits` false) takes no turn.
 */
const useChartTurn = (ref: React.RefObject<HTMLElement | null>, waits: boolean) => {
  /** The turn the chart drew in (0 when printing drew it), null before. */
  const [drawn, setDrawn] = useState<number | null>(null);
  // In the commit (a layout effect): a chart already near asks for its turn before the frame is painted.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!waits) return;
    let queued = false;
    let alive = true;
    const queue = () => {
      if (queued) return;
      queued = true;
      // Gone before its turn (another scope chosen): the turn passes on at once.
      takeTurn((mine) => (alive ? startTransition(() => setDrawn(mine)) : endTurn(mine)));
    };
    const print = () => setDrawn((d) => d ?? 0);
    window.addEventListener("beforeprint", print);
    // Without IntersectionObserver (old browsers, tests), every chart is near.
    if (!element || typeof IntersectionObserver === "undefined") {
      queue();
      return () => {
        alive = false;
        window.removeEventListener("beforeprint", print);
      };
    }
    /*
     * Already near at the next frame (the chart sits in the first screen): its turn is asked for then,
     * before the frame is drawn, not a frame later when the observer first reports. Read in the frame's
     * own callback, where the layout is computed anyway: read here, in the commit, it forced the whole
     * page's layout into the commit's task (~15 ms at 1×, a task Lighthouse counted as blocking).
     */
    const frame = requestAnimationFrame(() => {
      const box = element.getBoundingClientRect();
      if (box.top < window.innerHeight + NEAR_PX && box.bottom > -NEAR_PX) {
        observer.disconnect();
        queue();
      }
    });
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          queue();
        }
      },
      { rootMargin: `${NEAR_PX}px 0px` },
    );
    observer.observe(element);
    return () => {
      alive = false;
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener("beforeprint", print);
    };
  }, [ref, waits]);
  return drawn;
};

/** Marks the end of a chart's turn once it has committed. */
const TurnDone = ({ turn: which }: { turn: number }) => {
  useEffect(() => {
    endTurn(which);
  }, [which]);
  return null;
};

/** About how tall a frame's title, button and description are (px), above its body. */
const FRAME_PX = 120;

/** A chart with a switch to its data table, so no figure is available only as colours and shapes. */
export const ChartFrame = ({ title, description, chart, table, height, drawNow = false }: TProps) => {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const drawn = useChartTurn(body, !drawNow);
  return (
    <figure
      className="chart-frame"
      aria-labelledby={`${id}-title`}
      // The frame's height while it is far from the viewport and not laid out (content-visibility): its
      // body's, with room for its title and description; once drawn, the height it had.
      style={{ containIntrinsicBlockSize: `auto ${height + FRAME_PX}px` }}
    >
      <div className="chart-head">
        <figcaption id={`${id}-title`} className="chart-title">
          {title}
        </figcaption>
        <button
          type="button"
          className="button button-secondary no-print"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? t("common.showChart") : t("common.showTable")}
        </button>
      </div>
      {description ? <p className="chart-description">{description}</p> : null}
      {asTable ? (
        table
      ) : (
        /*
         * One image with a name, not a widget: the label says what the chart shows and the table (the
         * button above, and always in print) gives every figure, which assistive technology reads far
         * better than a walk through the bars. So the charts turn recharts' accessibility layer off
         * (`accessibilityLayer={false}`): with it, the plot is a focusable role="application" that takes
         * the arrow keys, which must not sit inside an image (its content is presentational) and would
         * be one more tab stop per chart, reading out less than the table.
         */
        <div
          ref={body}
          className="chart-body"
          style={{ height }}
          role="img"
          aria-label={description ?? title}
        >
          {drawNow ? (
            chart
          ) : drawn !== null ? (
            <Suspense fallback={<div className="skeleton chart-placeholder" aria-hidden="true" />}>
              {chart}
              <TurnDone turn={drawn} />
            </Suspense>
          ) : (
            // Waiting to come near the viewport, not loading: a still box (a shimmer would repaint every
            // frame for charts nobody is looking at yet).
            <div className="chart-placeholder chart-waiting" aria-hidden="true" />
          )}
        </div>
      )}
    </figure>
  );
};

/**
 * A ChartFrame's boxes while its data loads (QueryState's `skeleton`): the title, the button and the
 * description take the lines their text will take (drawn as bars, the text itself is not in the page),
 * and the body the chart's fixed height. Give the description as the frame will show it; where it holds
 * a figure not known yet, a stand-in of the same width.
 */
export const ChartFrameSkeleton = ({
  title,
  description,
  height,
}: Pick<TProps, "title" | "description" | "height">) => {
  const { t } = useI18n();
  return (
    <div className="chart-frame">
      <div className="chart-head">
        <span className="chart-title ghost-text" data-text={title} />
        <span className="button button-secondary no-print ghost-button" data-text={t("common.showTable")} />
      </div>
      {description ? <p className="chart-description ghost-text" data-text={description} /> : null}
      <div className="chart-body" style={{ height }}>
        <div className="skeleton chart-placeholder" />
      </div>
    </div>
  );
};
