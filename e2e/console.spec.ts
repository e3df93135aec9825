import type { Page } from "@playwright/test";
import { expect, MAIN_PAGES, settle, test } from "./signed-in";

/*
 * A page load is quiet: every main page, opened signed in, logs no warning and no error to the browser's
 * console (React's and React Router's warnings included, and failed requests, which Chromium logs as
 * errors) and throws nothing uncaught. A warning here is a bug shipped to every user's console.
 */

/** Everything the page says on the console at warning level or worse, and every uncaught error. */
const listen = (page: Page) => {
  const heard: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "warning" && message.type() !== "error") return;
    const { url, lineNumber } = message.location();
    heard.push(`${message.type()}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
  });
  page.on("pageerror", (error) => heard.push(`uncaught: ${error.message}`));
  return heard;
};

for (const path of MAIN_PAGES) {
  test(`${path} loads without a console warning or error`, async ({ page }) => {
    const heard = listen(page);
    await page.goto(path);
    await settle(page);
    // Lazy chunks (charts) and late reads finish too: their warnings count.
    await page.waitForLoadState("networkidle");
    expect(heard, `console of ${path}`).toEqual([]);
  });
}

test("moving between the main pages logs no warning or error either", async ({ page }) => {
  const heard = listen(page);
  await page.goto("/");
  await settle(page);
  const nav = page.getByRole("navigation");
  for (const name of ["事故", "約束・要求", "委託先", "理事会", "資料", "概要"]) {
    await nav.getByRole("link", { name, exact: true }).click();
    await settle(page);
  }
  await page.waitForLoadState("networkidle");
  expect(heard).toEqual([]);
});
