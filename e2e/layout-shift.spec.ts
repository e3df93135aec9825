import type { Page } from "@playwright/test";
import { expect, test } from "./signed-in";

/*
 * No layout shift when data arrives: the overview and an incident page, loaded over a slow network with a
 * slow CPU (so the data and the chart code arrive late and one by one), must not move what is already on
 * screen. The shifts Chromium reports are summed (every 'layout-shift' entry without recent input, not
 * only the worst session window, so the sum is stricter than CLS). Shifts are counted, not timed: how fast
 * the machine is changes when things arrive, not whether a placeholder had the final size.
 */

const LIMIT = 0.1;

type TShift = { value: number; sources: string[] };

/** Records every layout shift from the first paint on; read back with `shiftsOf`. */
const recordShifts = (page: Page) =>
  page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    const nameOf = (node: Node | null | undefined) => {
      if (!(node instanceof Element)) return node?.nodeName ?? "?";
      const classes = [...node.classList].map((c) => `.${c}`).join("");
      return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${classes}`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => nameOf(s.node)) });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });

const shiftsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);

/** A slow 4G line and a CPU four times slower, through the DevTools protocol (Chromium only). */
const throttle = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
};

const settle = async (page: Page) => {
  await expect(page.locator("h1").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0, { timeout: 60_000 });
  // Lazy chart code and late lookups: wait until nothing is in flight, then a little longer for the paint.
  await page.waitForLoadState("networkidle", { timeout: 60_000 });
  await page.waitForTimeout(500);
};

for (const path of ["/", "/incidents/inc-1"]) {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 412, height: 915 },
  ]) {
    test(`${path} at ${viewport.width} px does not shift while its data and charts arrive`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await recordShifts(page);
      await throttle(page);
      await page.goto(path, { timeout: 60_000 });
      await settle(page);
      // The page must have loaded for real (the figures are there), or the sum would prove nothing.
      await expect(page.locator("main")).toContainText(path === "/" ? "1,909" : "46名");
      const shifts: TShift[] = await shiftsOf(page);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      const report = shifts.map((s) => `${s.value.toFixed(4)} ${s.sources.join(", ")}`).join("\n");
      expect(total, `layout shifts on ${path} at ${viewport.width} px:\n${report}`).toBeLessThan(LIMIT);
    });
  }
}
