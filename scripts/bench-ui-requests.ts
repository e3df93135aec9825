import { chromium } from "@playwright/test";

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
  /**
   * From navigation to the frame after the first chart's SVG entered the page (ms), its frame scrolled
   * into view as soon as it exists; null when none appeared within a minute.
   */
  firstChartMs: number | null;
};

export type TCountOptions = {
  /** Chromium's CPU slowdown (1 = this machine, 4 = Lighthouse's mobile). */
  cpuRate?: number;
  chromePath?: string;
};

export const countRequests = async (
  url: string,
  cookie: string,
  { cpuRate = 1, chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium" }: TCountOptions = {},
): Promise<TRequestCount> => {
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
    const seen: { url: string; type: string; bytes: number }[] = [];
    page.on("requestfinished", async (request) => {
      const sizes = await request.sizes().catch(() => null);
      seen.push({
        url: request.url(),
        type: request.resourceType(),
        bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
      });
    });
    /*
     * The moment is taken in the page: the frame after the first chart's SVG enters the document. Asked
     * from here (a selector polled over the protocol, then the clock read), it came 100–450 ms late,
     * the harness's round trips behind a busy main thread.
     */
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector(".chart-body svg")) return;
        seen.disconnect();
        requestAnimationFrame(() => {
          (window as { __firstChartMs?: number }).__firstChartMs = performance.now();
        });
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const loaded = page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    // Charts draw when near the viewport: bring the first chart's frame into view as soon as it exists.
    const firstChartMs = await page
      .waitForSelector(".chart-body", { timeout: 60_000 })
      .then((frame) => frame.scrollIntoViewIfNeeded())
      .then(() =>
        page.waitForFunction(() => (window as { __firstChartMs?: number }).__firstChartMs, undefined, {
          timeout: 60_000,
        }),
      )
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => null);
    await loaded;
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
      firstChartMs,
    };
  } finally {
    await browser.close();
  }
};
