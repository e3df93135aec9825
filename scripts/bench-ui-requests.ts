import { chromium, type Page } from "@playwright/test";

/*
 * What a page costs the network: every request the browser makes to load it (signed in with the given
 * cookie) until the network is quiet, with the bytes each kind carries and the largest API answers. The
 * issue's "requests" row: the overview must stay under 40 however large the record grows.
 */

export type TRequestCount = {
  total: number;
  api: number;
  scripts: number;
  /** Bytes on the wire (compressed), by kind. */
  apiBytes: number;
  scriptBytes: number;
  /** The scripts' URL paths ("/assets/x.js"). */
  scriptPaths: string[];
  largest: { url: string; bytes: number }[];
  /** The page's DOM size once quiet (elements). */
  domNodes: number;
};

export type TCountOptions = {
  /** Chromium's CPU slowdown (1 = this machine, 4 = Lighthouse's mobile). */
  cpuRate?: number;
  chromePath?: string;
};

/** A fresh browser (nothing cached, as a reader's first visit) with the reader's cookie, closed after `use`. */
const withPage = async <T>(
  url: string,
  cookie: string,
  { cpuRate = 1, chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium" }: TCountOptions,
  use: (page: Page) => Promise<T>,
): Promise<T> => {
  const browser = await chromium.launch({ executablePath: chromePath });
  try {
    // Tall enough that the first chart is in view without scrolling (charts draw when near the viewport).
    const context = await browser.newContext({ viewport: { width: 1440, height: 2400 } });
    const origin = new URL(url);
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin.origin };
      }),
    );
    const page = await context.newPage();
    if (cpuRate > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
    }
    return await use(page);
  } finally {
    await browser.close();
  }
};

export const countRequests = (
  url: string,
  cookie: string,
  options: TCountOptions = {},
): Promise<TRequestCount> =>
  withPage(url, cookie, options, async (page) => {
    const origin = new URL(url);
    const seen: { url: string; type: string; bytes: number }[] = [];
    page.on("requestfinished", async (request) => {
      const sizes = await request.sizes().catch(() => null);
      seen.push({
        url: request.url(),
        type: request.resourceType(),
        bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
      });
    });
    await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    // Charts and sections drawn when scrolled near: scroll through the page so they load too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await page.waitForLoadState("networkidle");
    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    const api = seen.filter((s) => new URL(s.url).pathname.startsWith("/api/"));
    const scripts = seen.filter((s) => s.type === "script");
    const sum = (list: typeof seen) => list.reduce((n, s) => n + s.bytes, 0);
    return {
      total: seen.length,
      api: api.length,
      scripts: scripts.length,
      apiBytes: sum(api),
      scriptBytes: sum(scripts),
      scriptPaths: scripts.map((x) => new URL(x.url).pathname),
      largest: [...api]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 5)
        .map((s) => ({ url: s.url.replace(origin.origin, ""), bytes: s.bytes })),
      domNodes,
    };
  });

/** The first chart's moment in the page, once it is known, and the long tasks (set by the init script below). */
type TChartClock = { __firstChart?: Promise<number>; __longTasks?: { start: number; ms: number }[] };

/** A load's charts: when the first was on the screen, and the longest task while they drew. */
export type TChartTiming = {
  /** From navigation to the frame after the first chart's SVG entered the page (ms). */
  firstChartMs: number;
  /**
   * The longest task (ms) after the first contentful paint, from the moment the first chart frame
   * appeared until every chart near the viewport has drawn (2 s after the first); 0 when none took over
   * 50 ms (the browser reports longer tasks only).
   */
  chartTaskMs: number;
  /**
   * The same before the first contentful paint: the page's first layout and paint, which hold the
   * charts the server drew (docs/boot.md); 0 when none took over 50 ms or no chart frame was there yet.
   */
  firstPaintTaskMs: number;
};

/** How long after the first chart the other charts near the viewport have surely drawn (ms). */
const CHARTS_SETTLE_MS = 2000;

/**
 * The first chart's moment and the longest task while the charts drew; null when no chart appeared
 * within a minute. A load of its own, watched only from inside the page: the request sizes read over
 * the protocol for every response, and selectors polled every frame, had added 20–70 ms of the
 * harness's own work to the very main thread being timed.
 */
export const timeFirstChart = (
  url: string,
  cookie: string,
  options: TCountOptions = {},
): Promise<TChartTiming | null> =>
  withPage(url, cookie, options, async (page) => {
    await page.addInitScript(() => {
      const clock = window as TChartClock;
      clock.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) clock.__longTasks?.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: "longtask", buffered: true });
      clock.__firstChart = new Promise<number>((resolve) => {
        let framed = false;
        const seen = new MutationObserver(() => {
          const frame = document.querySelector(".chart-body");
          if (frame && !framed) {
            framed = true;
            performance.mark("chart-frame");
            /*
             * Charts draw when near the viewport. On the record at 1× the first one is in view; at 100×
             * the reader scrolls to it, which the page does here, at the next frame (its layout is
             * read then, when the frame computes it anyway).
             */
            requestAnimationFrame(() => {
              if (frame.getBoundingClientRect().top > window.innerHeight)
                frame.scrollIntoView({ block: "nearest" });
            });
          }
          if (!document.querySelector(".chart-body svg")) return;
          seen.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        seen.observe(document, { childList: true, subtree: true });
      });
    });
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    const first = await page
      .evaluate(() =>
        Promise.race([
          (window as TChartClock).__firstChart as Promise<number>,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000)),
        ]),
      )
      .catch(() => null);
    if (first === null) return null;
    await page.waitForTimeout(CHARTS_SETTLE_MS);
    // No named function inside: the page runs this as written, without the helpers tsx would add.
    const [chartTaskMs, firstPaintTaskMs] = await page.evaluate(() => {
      const from = performance.getEntriesByName("chart-frame")[0]?.startTime ?? 0;
      const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
      let after = 0;
      let before = 0;
      for (const t of (window as TChartClock).__longTasks ?? []) {
        if (t.start + t.ms < from) continue;
        if (t.start >= paint) after = Math.max(after, t.ms);
        else before = Math.max(before, t.ms);
      }
      return [after, before];
    });
    return { firstChartMs: first, chartTaskMs, firstPaintTaskMs };
  });
