import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./signed-in";

/*
 * Deadlines in a real browser against the real server: the overview counts what is overdue, incident 1
 * shows the APPI final-report clock (detected 2025-04-21, a wrongful act: 60 days → 2025-06-20) as the
 * vendor's duty with its filing date 未報告, and an administrator who switches the day counting to "first
 * day counts" moves it to 2025-06-19. The full list says how many of how many it shows, and shows them
 * all; no deadline text wraps between the characters of a word at 768 px. The setting is the shared
 * server's, so the test puts it back however it ends.
 */

type TCredentials = { username: string; password: string };
const users = JSON.parse(process.env.E2E_USERS_JSON ?? "null") as Record<"admin", TCredentials>;

const FINAL_REPORT = "個人情報保護委員会への確報";
const EXCLUDE = /^初日不算入/;
const INCLUDE = /^初日算入/;

const settle = async (page: Page) => {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
};

const todayInTokyo = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

const finalReportRow = (page: Page) =>
  page
    .locator("section", { has: page.getByRole("heading", { name: "法令上の報告期限と理事会への報告" }) })
    .getByRole("row")
    .filter({ hasText: FINAL_REPORT });

const signInAsAdmin = async (browser: Browser, baseURL: string) => {
  // A context of its own, without the board member's cookie (contexts made in a test start from the
  // project's storage state): signing in over it would end the board member's session.
  const context = await browser.newContext({
    baseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("ユーザー名").fill(users.admin.username);
  await page.getByLabel("パスワード", { exact: true }).fill(users.admin.password);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("region", { name: "サインイン中のユーザー" })).toBeVisible();
  return page;
};

/** On the admin page: choose a day counting and save it (a save that changes nothing is fine too). */
const setCounting = async (admin: Page, choice: RegExp) => {
  await admin.goto("/admin/users");
  await settle(admin);
  const section = admin.locator("section", {
    has: admin.getByRole("heading", { name: "期限の日数の数え方" }),
  });
  await section.getByRole("radio", { name: choice }).check();
  await section.getByRole("button", { name: "保存する" }).click();
  await expect(section.getByRole("status")).toHaveText(/保存しました|現在の設定と同じです/);
};

test("the overview counts what is overdue; incident 1's final report falls on 2025-06-20, or 06-19 when the first day counts", async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = await signInAsAdmin(browser, baseURL as string);
  try {
    await setCounting(admin, EXCLUDE);

    // The overview: the overdue count the server reports for today, first in the deadlines panel.
    await page.goto("/");
    await settle(page);
    const asOf = todayInTokyo();
    // Asked from the page, with its session: the figure the server gives for the day the page shows.
    const counts = await page.evaluate(async (day) => {
      const res = await fetch(`/api/v1/deadlines?asOf=${day}`);
      return ((await res.json()) as { counts: { overdue: number } }).counts;
    }, asOf);
    const panel = page.getByRole("region", { name: "期限の状況" });
    const overdue = panel.getByRole("group", { name: "期限超過" });
    await expect(overdue).toContainText(`${counts.overdue.toLocaleString("ja-JP")}件`);

    // Incident 1: the final report's clock, and no filing date from the vendor. The insurer's own
    // policyholders' data: the vendor's duty, named from the record (never a generic "insurer").
    await page.goto("/incidents/inc-1");
    await settle(page);
    await expect(finalReportRow(page)).toContainText("2025年6月20日");
    await expect(finalReportRow(page)).toContainText("未報告");
    await expect(finalReportRow(page)).toContainText("委託先の義務");
    await expect(finalReportRow(page)).toContainText("損保ジャパン");
    await expect(page.locator("main")).not.toContainText("報告義務は保険会社にあり");

    // An administrator switches the day counting: the same clock ends a day earlier, for everyone.
    await setCounting(admin, INCLUDE);
    await page.reload();
    await settle(page);
    await expect(finalReportRow(page)).toContainText("2025年6月19日");
    await expect(page.locator("main")).toContainText("初日算入");
  } finally {
    await setCounting(admin, EXCLUDE);
    await admin.context().close();
  }
});

test("the full list of deadlines keeps short words whole and names readable at 768 px", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1000 });
  await page.goto("/commitments?deadlines=all#deadlines");
  await settle(page);
  const section = page.locator("#deadlines");
  const all = section.getByRole("table", { name: /^すべての期限/ });
  await expect(all).toBeVisible();
  // 未実施 / 未報告 stay on one line: a word broken per character is taller than one line.
  for (const word of await all.locator(".dl-na, .not-reported").all()) {
    const box = await word.boundingBox();
    const lineHeight = await word.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 24);
    expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.8);
  }
  // The name of each deadline keeps a readable width.
  for (const what of await all.locator(".dl-what").all()) {
    expect((await what.boundingBox())?.width ?? 0).toBeGreaterThan(150);
  }
});
