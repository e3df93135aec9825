import AxeBuilder from "@axe-core/playwright";
import type { Locator } from "@playwright/test";
import { expect, MAIN_PAGES as PAGES, settle, test } from "./signed-in";

/*
 * The board's view in a real browser against the real server and its embedded database: the figures a
 * board member reads first, the incident page, the language toggle, deep links, keyboard use and an
 * accessibility scan of every page.
 * Every test starts signed in as the board member (see ./signed-in.ts).
 */

test("the overview shows the case's headline figures in Japanese", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  const main = page.locator("main");
  await expect(main).toContainText("1,909");
  await expect(main).toContainText("1,860名");
  await expect(main).toContainText("46名");
  await expect(main).toContainText("372,000円");
  await expect(main).toContainText("未報告");
  await expect(main).toContainText("2025年8月23日");
  // Letters are counted in their own words, beside money, never in it.
  await expect(main.getByRole("group", { name: "送付済み(会員・委託先の報告)" })).toContainText("未報告");
  // The press figure stands beside the total, marked, and the sources name the case's own documents.
  await expect(main.getByRole("list", { name: "記録外の数値(合計に含めません)" })).toContainText(
    "約1,748万件",
  );
  await expect(main.locator(".ov-sources")).toContainText("資料4");
});

test("the overview's scope lives in the address: a case and a day survive reload and back", async ({
  page,
}) => {
  await page.goto("/");
  await settle(page);
  const bar = page.getByRole("form", { name: "表示の範囲" });
  await bar.getByLabel("事案", { exact: true }).selectOption("case-2025-insurance");
  await expect(page).toHaveURL(/\/\?case=case-2025-insurance$/);
  await bar.getByLabel("基準日").fill("2025-08-01");
  await expect(page).toHaveURL(/\/\?case=case-2025-insurance&asOf=2025-08-01$/);
  await settle(page);
  const main = page.locator("main");
  // The record as it stood that day, and said so: before the 8月15日 report.
  await expect(main).toContainText("2025年8月1日時点の記録で表示しています");
  await expect(main.getByRole("group", { name: "是正済みの会員(委託先の報告)" })).toContainText("1,854");
  await page.reload();
  await settle(page);
  await expect(bar.getByLabel("基準日")).toHaveValue("2025-08-01");
  await expect(bar.getByLabel("事案", { exact: true })).toHaveValue("case-2025-insurance");
  await expect(main.getByRole("group", { name: "是正済みの会員(委託先の報告)" })).toContainText("1,854");
  await page.goto("/incidents");
  await settle(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?case=case-2025-insurance&asOf=2025-08-01$/);
  await settle(page);
  await expect(main).toContainText("2025年8月1日時点の記録で表示しています");
  await main.getByRole("link", { name: "今日の記録で表示する" }).click();
  await expect(page).toHaveURL(/\/\?case=case-2025-insurance$/);
  await settle(page);
  await expect(main.getByRole("group", { name: "是正済みの会員(委託先の報告)" })).toContainText("1,860");
});

test("every page is reachable by links from the overview", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  const nav = page.getByRole("navigation");
  for (const [name, path] of [
    ["事故", "/incidents"],
    ["約束・要求", "/commitments"],
    ["委託先", "/vendors"],
    ["理事会", "/meetings"],
    ["資料", "/documents"],
    ["概要", "/"],
  ] as const) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path === "/" ? "/$" : `${path}$`}`));
    await settle(page);
  }
});

test("an incident page shows what is known and what is not reported", async ({ page }) => {
  await page.goto("/incidents/inc-2");
  await settle(page);
  const main = page.locator("main");
  await expect(main.locator("h1")).toContainText("制度運営費の過請求");
  await expect(main).toContainText("1,860名");
  await expect(main).toContainText("1,854");
  await expect(main).toContainText("2025年7月25日");
  await expect(main).toContainText("2025年8月15日");
  await expect(main).toContainText("広域団体システム");
  await expect(main).toContainText("未報告");
});

test("the English toggle switches the language and is remembered", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Incidents" })).toBeVisible();
  await page.reload();
  await settle(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /日本語/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test("deep links with filters survive reload and back", async ({ page }) => {
  await page.goto("/commitments?kind=board_demand");
  await settle(page);
  await expect(page.locator("main")).toContainText("再発防止策");
  await expect(page.locator("main")).not.toContainText("二重請求された3名に返金する");
  await page.reload();
  await settle(page);
  await expect(page.locator("main")).not.toContainText("二重請求された3名に返金する");
  await page.goto("/incidents/inc-3");
  await settle(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/commitments\?kind=board_demand$/);
  await settle(page);
  await expect(page.locator("main")).toContainText("再発防止策");
});

test("an unknown page and an unknown incident say so instead of breaking", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.locator("h1")).toContainText("ページが見つかりません");
  await page.goto("/incidents/inc-99");
  await settle(page);
  await expect(page.locator("main")).toContainText(/見つかりません/);
});

test("keyboard only: skip link, navigation and focus are usable", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "本文へ移動" });
  await expect(skip).toBeFocused();
  // The focused element must show a visible outline.
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  // Tab to the incidents link and follow it with Enter.
  const target = page.getByRole("navigation").getByRole("link", { name: "事故", exact: true });
  for (let i = 0; i < 10 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/incidents$/);
  await settle(page);
  // After navigation focus moves to the main content, so the next Tab stays in the page.
  await expect(page.locator("main")).toBeFocused();
});

test("each chart is one named image: nothing inside it is a widget or a tab stop", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  const images = page.locator(".chart-body[role='img']");
  // The demo case: members affected, money put right, letters sent, progress over time, commitments.
  await expect(images).toHaveCount(5);
  // The plots themselves, not their placeholders: the bar charts come drawn, the progress chart (lazy
  // recharts code) draws once it comes near.
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect(image.locator(".ov-bars, .recharts-wrapper").first()).toBeVisible();
  }
  // In the tab order, or a widget (recharts' own layers carry tabindex="-1": focusable by script only).
  const inside = images.locator(
    "[tabindex]:not([tabindex^='-']), [role='application'], a[href], button, input, select",
  );
  await expect(inside).toHaveCount(0);
  for (const name of await images.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))) {
    expect(name, "each image has a name").toBeTruthy();
  }
});

/** The centres (x, px) of the value axis's tick words a bar chart shows, and of its grid's lines. */
const ticksAndGrid = (image: Locator) =>
  image.evaluate((el) => {
    const centre = (e: Element) => {
      const box = e.getBoundingClientRect();
      return {
        x: Math.round(box.left + box.width / 2),
        left: box.left,
        right: box.right,
        shown: box.width > 0,
      };
    };
    return {
      ticks: [...el.querySelectorAll(".ov-bars-axis text")].map(centre).filter((t) => t.shown),
      lines: [...el.querySelectorAll(".ov-bars-grid line")].map((l) => centre(l).x),
    };
  });

test("the charts write their figures on their marks, with the grid at their ticks", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  const chart = (label: RegExp) => page.getByRole("img", { name: label });
  const marks = async (label: RegExp) => {
    const image = chart(label);
    await image.scrollIntoViewIfNeeded();
    await expect(image.locator(".ov-bars, .recharts-wrapper").first()).toBeVisible();
    return image.locator(".ov-mark-words").allTextContents();
  };
  // Each incident's total after its bar; each group's segments with their counts, 未報告 named as such.
  expect(await marks(/^事故ごとにサービス別/)).toEqual(["46名", "1,860名", "3名"]);
  expect(await marks(/^各グループを100%とした割合。是正済み/)).toEqual(["6名", "1,854名", "未報告 3名"]);
  // Progress over time: both panels (people, yen) drawn, one after the other, each report's total on its dot.
  const progress = chart(/^日付のある委託先の報告/);
  expect(await marks(/^日付のある委託先の報告/)).toEqual(["1,854名", "1,860名", "370,800円", "372,000円"]);
  await expect(progress.locator(".recharts-wrapper")).toHaveCount(2);
  // The grid's lines stand where the value axis's ticks are written, every tick at this width.
  const { ticks, lines } = await ticksAndGrid(chart(/^事故ごとにサービス別/));
  expect(ticks).toHaveLength(5);
  for (const tick of ticks) expect(lines.some((x) => Math.abs(x - tick.x) <= 1)).toBe(true);
  // The bars end where the axis says: 1,860 of 2,000 is 93% of the way from the first line to the last.
  const bar = await chart(/^事故ごとにサービス別/)
    .locator(".ov-bars-plot rect[width='93%']")
    .evaluate((r) => r.getBoundingClientRect().width);
  const [zero, top] = [lines[0] ?? 0, lines.at(-1) ?? 0];
  expect(Math.abs(bar - 0.93 * (top - zero))).toBeLessThanOrEqual(1.5);
});

test("on a phone, the bar charts keep the ticks whose words fit, both ends always", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 900 });
  await page.goto("/");
  await settle(page);
  for (const [label, kept] of [
    [/^事故ごとにサービス別/, ["0", "1,000", "2,000"]],
    [/^各グループを100%とした割合。是正済み/, ["0%", "50%", "100%"]],
  ] as const) {
    const image = page.getByRole("img", { name: label });
    await image.scrollIntoViewIfNeeded();
    await expect(image.locator(".ov-bars-axis text:visible")).toHaveText([...kept]);
    const { ticks, lines } = await ticksAndGrid(image);
    for (const [a, b] of ticks.slice(1).map((t, i) => [ticks[i], t])) {
      expect((a?.right ?? 0) + 4, "the words of two ticks never touch").toBeLessThanOrEqual(b?.left ?? 0);
    }
    for (const tick of ticks) expect(lines.some((x) => Math.abs(x - tick.x) <= 1)).toBe(true);
  }
});

for (const path of PAGES) {
  test(`no serious or critical accessibility violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await settle(page);
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const bad = result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(bad).toEqual([]);
  });
}

for (const width of [1440, 1024, 768]) {
  test(`no horizontal page scroll at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of PAGES) {
      await page.goto(path);
      await settle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}

test("the board pack prints on A4 without the navigation", async ({ page }) => {
  await page.goto("/incidents/inc-1");
  await settle(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.locator(".print-date").first()).toBeVisible();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});
