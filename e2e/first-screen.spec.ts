import { test as base } from "@playwright/test";
import { expect, test } from "./signed-in";

/*
 * The overview's first screen comes drawn in the HTML (src/server/first-screen-html.ts): a board member
 * reads the headline figures before any script runs, and a visitor without a session gets none of them.
 */

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a signed-in board member reads the headline figures from the HTML alone", async ({ page }) => {
    await page.goto("/");
    const main = page.locator("main");
    await expect(page.locator("h1")).toHaveText("概要:委託先の事故と是正");
    await expect(main.getByRole("group", { name: "影響を受けた会員" })).toContainText("1,909名");
    await expect(main.getByRole("group", { name: "送付済み(会員・委託先の報告)" })).toContainText("未報告");
    // Drawn styled: the overview's own stylesheet (not only the app's) is linked in the head.
    await expect(main.locator(".ov-tile").first()).toHaveCSS("display", "flex");
    // The deadlines, and the bar charts with the figures on their marks, drawn at this page's width.
    await expect(main.locator(".dl-panel")).toContainText("期限超過");
    const affected = main.getByRole("img", { name: /^事故ごとにサービス別/ });
    await expect(affected.locator(".ov-mark-words")).toHaveText(["46名", "1,860名", "3名"]);
    await expect(affected.locator(".ov-bars-axis text:visible")).toHaveText([
      "0",
      "500",
      "1,000",
      "1,500",
      "2,000",
    ]);
    // Busy until the app adopts it; the rest of the page (the progress chart, the course of the cases) is
    // the app's to draw.
    await expect(page.locator("#root")).toHaveAttribute("aria-busy", "true");
    await expect(main.locator(".recharts-wrapper")).toHaveCount(0);
    await expect(main.locator(".ov-timeline")).toHaveCount(0);
  });
});

base("a visitor without a session gets no figure in the HTML", async ({ request }) => {
  const html = await (await request.get("/")).text();
  expect(html).toContain('<div id="root"></div>');
  expect(html).not.toContain("1,909");
});

test("with JavaScript the app adopts the drawn page and adds the rest below it", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#root")).not.toHaveAttribute("aria-busy", "true");
  await expect(page.locator(".dl-panel")).toBeVisible();
  await expect(page.getByRole("group", { name: "影響を受けた会員" })).toContainText("1,909名");
});

test("the app's code is fetched only once the drawn page is on the screen", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#root")).not.toHaveAttribute("aria-busy", "true");
  const timing = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    scripts: performance
      .getEntriesByType("resource")
      .filter((e) => /\/assets\/.*\.js$/.test(e.name))
      .map((e) => ({ name: e.name, start: e.startTime })),
  }));
  expect(timing.paint).not.toBeNull();
  expect(timing.scripts.length).toBeGreaterThan(0);
  // Orders of events, not durations: no app script was asked for before the first paint.
  for (const script of timing.scripts)
    expect(script.start, script.name).toBeGreaterThanOrEqual(timing.paint as number);
});

test("an English reader's drawn page is in English, and says so, before any script runs", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: "bgd.lang", value: "en", url: baseURL as string }]);
  const html = await (await page.request.get("/")).text();
  expect(html).toContain('<html lang="en">');
  expect(html).toContain("Overview: vendor incidents and remediation");
  expect(html).toContain("1,909");
});
