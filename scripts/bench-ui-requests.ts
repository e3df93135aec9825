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
  largest: { url: string; bytes: number }[];
  /** The page's DOM size once quiet (elements). */
  domNodes: number;
};

export const countRequests = async (
  url: string,
  cookie: string,
  chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium",
): Promise<TRequestCount> => {
  const browser = await chromium.launch({ executablePath: chromePath });
  try {
    const context = await browser.newContext();
    const origin = new URL(url);
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin.origin };
      }),
    );
    const page = await context.newPage();
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
      largest: [...api]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 5)
        .map((s) => ({ url: s.url.replace(origin.origin, ""), bytes: s.bytes })),
      domNodes,
    };
  } finally {
    await browser.close();
  }
};
