import { expect, settle, test } from "./signed-in";

/*
 * The vendors pages in a real browser against the real server and its embedded database (the demo
 * record), read by the board member: the scorecards as of a day, the vendor list by who works for whom,
 * the insurer's page with its regulator and the agency's without, in both languages (ui.spec.ts scans
 * these pages with axe and for sideways scroll). Chains of subcontractors are covered beside the code
 * (MSW, with a record of a contractor and its printer).
 */

test("the scorecards as of a day show the record's figures, per population and purpose, never added", async ({
  page,
}) => {
  await page.goto("/vendors?fy=2025&asOf=2025-09-30");
  await settle(page);
  const sompo = page.getByTestId("scorecard-sompo-2025");
  await expect(sompo.getByRole("heading", { level: 3 })).toContainText("保険会社");
  await expect(sompo).toContainText("協会と直接契約");
  await expect(sompo).toContainText("会員 1,909名");
  await expect(sompo).toContainText("金銭の是正・会員");
  await expect(sompo).toContainText("是正済み / 対象 1,863名");
  // Letters are sent, not put right, and carry no yen.
  await expect(sompo).toContainText("本人への通知・会員");
  await expect(sompo).toContainText("送付済み / 対象 46名");
  await expect(page.locator("main")).toContainText(
    "2025年9月30日時点の記録で集計しています。それより後の日付の事故・報告・約束・行政処分等は含みません。",
  );
  const directory = page.getByRole("table", { name: "委託先(2件)" });
  await expect(directory).toContainText("協会(直接契約)");
  await expect(page.getByRole("table", { name: /公表されている行政処分等/ })).toContainText("記録外");
});

test("the insurer's page names its regulator; the agency's does not", async ({ page }) => {
  await page.goto("/vendors/sompo");
  await settle(page);
  await expect(page.getByRole("region", { name: "委託関係" })).toContainText("協会が直接委託しています。");
  await expect(page.getByRole("region", { name: /行政処分等の記録/ })).toContainText("金融庁が公表します");
  await page.goto("/vendors/partners");
  await settle(page);
  await expect(page.locator("main")).not.toContainText("金融庁");
});

test("the vendors pages read in English", async ({ page }) => {
  await page.goto("/vendors?fy=2025&asOf=2025-09-30");
  await settle(page);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vendors and scorecards by fiscal year");
  await expect(page.getByTestId("scorecard-sompo-2025")).toContainText("members: 1,909 people");
  await page.getByRole("button", { name: /日本語/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});
