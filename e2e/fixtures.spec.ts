import { expect, type Page } from "@playwright/test";
import { users, withOwnServer } from "./own-server";

/*
 * The pages tell the truth about records unlike the demo, next to it: the three test fixtures
 * (src/shared/seed/fixtures: a printer's leak counted in 件 with letters sent, a call centre's mis-sending
 * with no one affected, an insurer's refunds over two fiscal years) and the demo case, loaded together
 * into a server of this file's own (E2E_DATASET=all-four). Each case's scope shows its own figures in its
 * own units; no page of a fixture names the demo; nothing logs an error.
 */

const test = withOwnServer({
  ports: [18460, 18469],
  env: { E2E_DATASET: "all-four", E2E_USERS_JSON: JSON.stringify({ viewer: users.viewer }) },
  timeout: 200_000,
});

const DEMO_WORDS = /作業療法|損保|資料[1-5](?![0-9件月])/;

const settle = async (page: Page) => {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
};

test.describe.configure({ mode: "serial" });

test("four cases side by side: each in its own units, none naming another", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto("/signin");
  await page.getByLabel("ユーザー名").fill(users.viewer.username);
  await page.getByLabel("パスワード", { exact: true }).fill(users.viewer.password);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("region", { name: "サインイン中のユーザー" })).toBeVisible();

  await test.step("every case, open and closed, has its line on the overview", async () => {
    await page.goto("/?status=all");
    await settle(page);
    const main = page.locator("main");
    for (const title of [
      "DM発送の再委託先におけるランサムウェア被害",
      "団体保険の保険料過請求(2023〜2025年)",
      "団体保険制度の委託先における一連の事案(2025年)",
    ]) {
      await expect(main).toContainText(title);
    }
  });

  await test.step("the printer's leak: records (件) and letters sent, never money", async () => {
    await page.goto("/?case=prn-case");
    await settle(page);
    const main = page.locator("main");
    await expect(main).toContainText("8,420件");
    await expect(main).toContainText("送付済み");
    await expect(main).not.toContainText("是正済み");
    await page.goto("/incidents/prn-inc-1");
    await settle(page);
    await expect(page.locator("main")).toContainText("8,420件");
    await expect(page.locator("main")).not.toContainText(DEMO_WORDS);
  });

  await test.step("the call centre's mis-sending: no one affected is its own state, not 0 or 未報告", async () => {
    await page.goto("/?case=cc-case&status=all");
    await settle(page);
    await expect(page.locator("main")).toContainText("確認の結果なし");
    const incident = page.locator("main").getByRole("link", { name: "書類の誤送付" }).first();
    await incident.click();
    await settle(page);
    await expect(page.locator("main")).toContainText("確認の結果なし");
    await expect(page.locator("main")).not.toContainText(DEMO_WORDS);
  });

  await test.step("the insurer's refunds: yen put right across two fiscal years", async () => {
    await page.goto("/?case=ins-case");
    await settle(page);
    const main = page.locator("main");
    await expect(main).toContainText("4,320,000円");
    await expect(main).toContainText("是正済み");
    await page.goto("/?case=ins-case&year=2024");
    await settle(page);
    await expect(page.locator("main")).toContainText("保険料の過請求(18か月)");
  });

  await test.step("lists and scorecards hold every case", async () => {
    for (const path of ["/incidents", "/vendors", "/commitments", "/meetings", "/documents", "/cases"]) {
      await page.goto(path);
      await settle(page);
    }
    await expect(page.locator("main")).toContainText("DM発送の再委託先におけるランサムウェア被害");
    await expect(page.locator("main")).toContainText("団体保険の保険料過請求(2023〜2025年)");
  });

  expect(errors).toEqual([]);
});
