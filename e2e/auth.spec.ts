import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/*
 * Sign-in, sign-out and roles in a real browser against the real server: sessions in the database
 * behind an HttpOnly cookie, the users scripts/e2e-server.ts created for this run (E2E_USERS_JSON).
 */

type TRole = "viewer" | "editor" | "admin";
type TCredentials = { username: string; password: string };
const users = JSON.parse(process.env.E2E_USERS_JSON ?? "null") as Record<TRole, TCredentials>;

const signInForm = async (page: Page, { username, password }: TCredentials) => {
  await page.getByLabel("ユーザー名").fill(username);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
};

const signIn = async (page: Page, role: TRole) => {
  await page.goto("/signin");
  await signInForm(page, users[role]);
  await expect(page.getByRole("region", { name: "サインイン中のユーザー" })).toBeVisible();
};

const settle = async (page: Page) => {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
};

const seriousViolations = async (page: Page) => {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

test("an anonymous visitor lands on sign-in and, once signed in, on the page they asked for", async ({
  page,
}) => {
  await page.goto("/commitments?kind=board_demand");
  await expect(page).toHaveURL(/\/signin\?next=%2Fcommitments%3Fkind%3Dboard_demand$/);
  await expect(page.getByRole("heading", { level: 1, name: "サインイン" })).toBeVisible();
  // Nothing of the record is shown, and there is no navigation to it.
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByText("npm start")).toBeVisible();
  await signInForm(page, users.editor);
  await expect(page).toHaveURL(/\/commitments\?kind=board_demand$/);
  await settle(page);
  await expect(page.locator("main")).toContainText("再発防止策");
  const menu = page.getByRole("region", { name: "サインイン中のユーザー" });
  await expect(menu).toContainText(users.editor.username);
  await expect(menu).toContainText("事務局(編集者)");
});

test("a wrong password is refused with a message, keeping the username", async ({ page }) => {
  await page.goto("/signin");
  await signInForm(page, { username: users.viewer.username, password: "not-the-password-at-all" });
  await expect(page.getByRole("alert")).toHaveText("ユーザー名またはパスワードが正しくありません。");
  await expect(page.getByLabel("ユーザー名")).toHaveValue(users.viewer.username);
  await expect(page).toHaveURL(/\/signin$/);
});

test("signing out ends the session on the server", async ({ page, browser, baseURL }) => {
  await signIn(page, "viewer");
  const before = await page.context().storageState();
  expect(before.cookies.some((c) => c.httpOnly && c.sameSite === "Strict")).toBe(true);
  await page.getByRole("button", { name: "サインアウト" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("status")).toHaveText("サインアウトしました。");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "サインイン" })).toBeVisible();
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin\?next=%2Fincidents$/);
  // The old cookie, replayed, no longer opens anything: the session is gone server-side.
  const replay = await browser.newContext({ baseURL, storageState: before });
  const old = await replay.newPage();
  await old.goto("/incidents");
  await expect(old).toHaveURL(/\/signin\?next=%2Fincidents$/);
  await replay.close();
});

test("a board member (viewer) finds no user administration and gets 403 at /admin/users", async ({
  page,
}) => {
  await signIn(page, "viewer");
  await settle(page);
  await expect(page.getByRole("region", { name: "サインイン中のユーザー" })).toContainText("閲覧者");
  await expect(page.getByRole("navigation").getByRole("link", { name: "管理", exact: true })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("この画面を見る権限がありません");
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /編集|追加/ })).toHaveCount(0);
});

test("an administrator adds a user, who can then sign in with that role", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "admin");
  // One 管理 entry in the main menu opens the administrators' pages on their users tab.
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "管理", exact: true })
    .click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await settle(page);
  const username = `board-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(18).toString("base64url");
  const form = page.getByRole("form", { name: "ユーザーを追加" });
  await form.getByLabel("ユーザー名").fill(username);
  await form.getByLabel("表示名").fill("新任 理事");
  await form.getByLabel("役割").selectOption({ label: "閲覧者" });
  await form.getByLabel("初期パスワード").fill(password);
  await form.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByText(`ユーザー「${username}」を追加しました。`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: username });
  await expect(row).toContainText("新任 理事");
  await expect(row).toContainText("閲覧者");

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto("/signin");
  await signInForm(other, { username, password });
  await expect(other.getByRole("region", { name: "サインイン中のユーザー" })).toContainText("新任 理事");
  await fresh.close();
});

const noSidewaysScroll = async (page: Page) => {
  for (const width of [1440, 1024, 768]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${page.url()} at ${width}px`).toBeLessThanOrEqual(0);
  }
};

test("no serious or critical accessibility violation on /signin", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1, name: "サインイン" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // With a refusal on screen too: field errors and the alert.
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByLabel("ユーザー名")).toHaveAttribute("aria-invalid", "true");
  expect(await seriousViolations(page)).toEqual([]);
  await noSidewaysScroll(page);
});

test("no serious or critical accessibility violation on /admin/users", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page
    .getByRole("button", { name: /を編集$/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: /^ユーザーを編集/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await noSidewaysScroll(page);
});
