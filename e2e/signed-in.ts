import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";

/*
 * A Playwright `test` whose every test starts signed in as the board member (viewer) that
 * scripts/e2e-server.ts created: each worker signs in once through the sign-in page, and every test starts
 * from that browser state (the session cookie). Signing in itself is tested in auth.spec.ts.
 */

type TCredentials = { username: string; password: string };
type TStorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const users = JSON.parse(process.env.E2E_USERS_JSON ?? "null") as Record<"viewer", TCredentials>;

export const test = base.extend<object, { signedIn: TStorageState }>({
  signedIn: [
    async ({ browser }, use) => {
      // Worker fixtures do not see the test's baseURL; the port is the run's (playwright.config.ts).
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT}` });
      const page = await context.newPage();
      await page.goto("/signin");
      await page.getByLabel("ユーザー名").fill(users.viewer.username);
      await page.getByLabel("パスワード", { exact: true }).fill(users.viewer.password);
      await page.getByRole("button", { name: "サインイン", exact: true }).click();
      await expect(page.getByRole("region", { name: "サインイン中のユーザー" })).toBeVisible();
      const state = await context.storageState();
      await context.close();
      await use(state);
    },
    { scope: "worker" },
  ],
  storageState: async ({ signedIn }, use) => use(signedIn),
});

export { expect };

/** The pages a board member reads, one of each kind (lists, details, the overview). */
export const MAIN_PAGES = [
  "/",
  "/incidents",
  "/incidents/inc-1",
  "/incidents/inc-2",
  "/incidents/inc-3",
  "/commitments",
  "/vendors",
  "/vendors/sompo",
  "/meetings",
  "/meetings/mtg-2025-03",
  "/documents",
  "/documents/doc-4",
];

/** A page has settled when its heading shows and nothing is loading any more. */
export const settle = async (page: Page) => {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
};
