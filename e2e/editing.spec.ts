import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";
import { type TRole, users, withOwnServer } from "./own-server";

/*
 * The "done when", in a real browser against the real server: the secretariat (editor) records
 * the 3 double-billing refunds as completed with the date and the evidence; the overview, the incident
 * page and the vendor scorecard show it; the audit trail says who did it. A board member (viewer) finds
 * no way to edit, and the server refuses a write sent anyway. Two editors at once: the stale one sees
 * both versions and re-applies.
 *
 * These tests change the record, and the other specs read the demo figures from the shared server, so
 * this file runs its own server (scripts/e2e-server.ts: its own build and a fresh PGlite) on a port of
 * its own, with the same users.
 */

const REFUNDS = "二重請求された加入者への返金";
const EVIDENCE = "委託先から返金完了の報告書を受領(3名分)";
// After 2025-09-30 (the demo's "as of" day) and not in the future.
const DONE_DATE = "2025-10-15";

const test = withOwnServer({ ports: [18440, 18449], timeout: 200_000 });

const settle = async (page: Page) => {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
};

const signedInPage = async (browser: Browser, baseURL: string, role: TRole) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("ユーザー名").fill(users[role].username);
  await page.getByLabel("パスワード", { exact: true }).fill(users[role].password);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("region", { name: "サインイン中のユーザー" })).toBeVisible();
  return page;
};

const getJson = async <T>(request: APIRequestContext, path: string): Promise<T> => {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};

/** Money put right for the members (figures are per purpose and population, never one sum). */
type TRemediationRow = { purpose: string; populationId: string; done: number };
type TOverview = { remediation: TRemediationRow[] };
type TRemediation = { cohorts: { cohortId: string; done: number | null }[] };
type TScorecards = { rows: { vendorId: string; remediation: TRemediationRow[] }[] };
type TAudit = {
  items: { action: string; entityId: string; actor: { username: string }; after: { status?: string } }[];
};

const financialDone = (rows: readonly TRemediationRow[] | undefined) =>
  rows?.find((r) => r.purpose === "financial" && r.populationId === "members")?.done ?? null;

const figures = async (request: APIRequestContext) => {
  const overview = await getJson<TOverview>(request, "/api/v1/stats/overview");
  const remediation = await getJson<TRemediation>(request, "/api/v1/stats/remediation?incidentId=inc-3");
  const scorecards = await getJson<TScorecards>(request, "/api/v1/stats/vendors");
  return {
    financialDone: financialDone(overview.remediation) ?? 0,
    refundsDone: remediation.cohorts.find((c) => c.cohortId === "coh-3-refund")?.done ?? null,
    sompoDone: financialDone(scorecards.rows.find((r) => r.vendorId === "sompo")?.remediation),
  };
};

const refundCard = (page: Page) =>
  page.locator("article.cohort").filter({ has: page.getByRole("heading", { level: 3, name: REFUNDS }) });

const number = (n: number) => n.toLocaleString("ja-JP");

test("an editor records the 3 double-billing refunds as completed; every view shows it, the audit trail names who", async ({
  browser,
  baseURL,
}) => {
  const page = await signedInPage(browser, baseURL as string, "editor");
  const before = await figures(page.request);
  expect(before.refundsDone, "the demo case has no refund reported done").toBeNull();

  // The overview lists the refunds among the progress nobody has reported.
  await page.goto("/");
  await settle(page);
  const financial = page.locator(".ov-tile-financial");
  await expect(financial).toContainText(number(before.financialDone));
  await expect(financial).toContainText(REFUNDS);

  await page.goto("/incidents/inc-3");
  await settle(page);
  const card = refundCard(page);
  await card.getByRole("button", { name: "進捗を記録" }).click();
  const form = page.getByRole("form", { name: `進捗を記録: ${REFUNDS}` });
  // Sent empty first: each refusal is next to its field, in Japanese, and the first field has the focus.
  await form.getByRole("button", { name: "進捗を記録する" }).click();
  await expect(form.getByLabel(/報告の日付/)).toBeFocused();
  await expect(form.getByLabel(/報告の日付/)).toHaveAccessibleDescription(/入力してください/);
  await form.getByRole("button", { name: "対象者全員(3名)の完了として入力" }).click();
  await expect(form.getByRole("textbox", { name: /^数値/ })).toHaveValue("3");
  await expect(form.getByLabel(/グループの状態/)).toHaveValue("completed");
  await form.getByLabel(/報告の日付/).fill(DONE_DATE);
  await form.getByLabel(/出典の資料/).selectOption("doc-5");
  await form.getByRole("textbox", { name: /^日本語/ }).fill(EVIDENCE);
  await form.getByRole("button", { name: "進捗を記録する" }).click();
  await expect(card.getByRole("status")).toHaveText("保存しました。");

  // The incident page, read again from the server.
  await page.reload();
  await settle(page);
  await expect(card.locator(".cohort-head .status-chip")).toHaveText("完了(委託先報告)");
  const row = card.getByRole("row").filter({ hasText: "2025年10月15日" });
  await expect(row).toContainText("3名");
  await expect(row).toContainText(EVIDENCE);
  await expect(row).toContainText("資料5");

  const after = await figures(page.request);
  expect(after.refundsDone).toBe(3);
  expect(after.financialDone).toBe(before.financialDone + 3);

  // The overview: 3 more members put right, and the refunds are no longer listed as unreported.
  await page.goto("/");
  await settle(page);
  await expect(financial).toContainText(number(after.financialDone));
  await expect(financial).not.toContainText(REFUNDS);

  // The vendor scorecard counts them too.
  expect(after.sompoDone).toBe((before.sompoDone ?? 0) + 3);
  await page.goto("/vendors");
  await settle(page);
  await expect(page.locator("main")).toContainText(`${number(after.sompoDone as number)}名`);

  // The incident page's history names who recorded it.
  await page.goto("/incidents/inc-3");
  await settle(page);
  const history = page.getByRole("region", { name: "変更履歴" });
  await history.getByText("変更履歴").click();
  await expect(history).toContainText(users.editor.username);
  await expect(history).toContainText(REFUNDS);

  // The audit trail: who recorded it, with what.
  const audit = await getJson<TAudit>(page.request, "/api/v1/audit?entityType=cohort&entityId=coh-3-refund");
  expect(audit.items[0]).toMatchObject({
    action: "addProgressEvent",
    entityId: "coh-3-refund",
    actor: { username: users.editor.username },
    after: { status: "completed" },
  });
  await page.context().close();
});

test("a board member finds no way to edit, and a write sent anyway is refused", async ({
  browser,
  baseURL,
}) => {
  const page = await signedInPage(browser, baseURL as string, "viewer");
  // Filter bars are forms too, but change only the view: no other form may be on a board member's page.
  const editForms = page.locator("form:not(.filter-bar)");
  const editControls = page.getByRole("button", {
    name: /進捗を記録|グループを編集|対象グループを追加|の記録を訂正|約束・要求を追加|完了報告を記録|確認済みにする|再開する|内容を編集/,
  });

  await page.goto("/incidents/inc-3");
  await settle(page);
  await expect(refundCard(page)).toBeVisible();
  await expect(editControls).toHaveCount(0);
  await expect(editForms).toHaveCount(0);

  await page.goto("/commitments");
  await settle(page);
  await expect(page.getByRole("heading", { level: 3, name: "二重請求された3名に返金する" })).toBeVisible();
  await expect(editControls).toHaveCount(0);
  await expect(page.getByRole("group", { name: "約束・要求の記録" })).toHaveCount(0);

  await page.goto("/");
  await settle(page);
  await expect(editControls).toHaveCount(0);
  await expect(editForms).toHaveCount(0);

  // A write sent anyway, with the session's own CSRF token: refused for the role, and nothing stored.
  const session = await getJson<{ csrfToken: string }>(page.request, "/api/v1/auth/session");
  const cohortBefore = await getJson<{ version: number }>(page.request, "/api/v1/cohorts/coh-3-refund");
  const res = await page.request.post("/api/v1/cohorts/coh-3-refund/progress", {
    headers: { "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    data: {
      version: cohortBefore.version,
      date: "2025-10-01",
      doneCount: { status: "reported", value: 1, source: { documentId: "doc-5", cites: [] } },
      note: null,
      source: { documentId: "doc-5", cites: [] },
    },
  });
  expect(res.status()).toBe(403);
  const cohortAfter = await getJson<{ version: number }>(page.request, "/api/v1/cohorts/coh-3-refund");
  expect(cohortAfter.version).toBe(cohortBefore.version);
  await page.context().close();
});

test("two editors at once: the stale one sees both versions and re-applies over the other's change", async ({
  browser,
  baseURL,
}) => {
  const first = await signedInPage(browser, baseURL as string, "editor");
  const second = await signedInPage(browser, baseURL as string, "admin");
  const LETTERS = "お詫び文書の送付(対象会員)";
  const open = async (page: Page) => {
    await page.goto("/incidents/inc-1");
    await settle(page);
    const card = page
      .locator("article")
      .filter({ has: page.getByRole("heading", { level: 3, name: LETTERS }) });
    await card.getByRole("button", { name: "グループを編集" }).click();
    return card.getByRole("form", { name: `グループを編集: ${LETTERS}` });
  };
  // Both open the same cohort at the same version.
  const stale = await open(first);
  const fresh = await open(second);

  // The second editor changes the English name and saves first.
  await fresh
    .getByRole("textbox", { name: /^English/ })
    .first()
    .fill("Apology letters to the 46 affected members");
  await fresh.getByRole("button", { name: "変更を保存する" }).click();
  await expect(second.getByRole("status")).toHaveText("保存しました。");

  // The first editor, still on the old version, changes the Japanese name and saves: refused as stale.
  await stale
    .getByRole("textbox", { name: /^日本語/ })
    .first()
    .fill("お詫び文書の送付(会員46名)");
  await stale.getByRole("button", { name: "変更を保存する" }).click();
  const panel = first.getByRole("region", { name: "他の人がこの記録を先に更新しました" });
  await expect(panel).toBeVisible();
  const nameRow = panel.getByRole("row", { name: /グループの名称/ });
  await expect(nameRow).toHaveClass(/conflict-changed/);
  await expect(nameRow).toContainText("お詫び文書の送付(会員46名)");
  await expect(nameRow).toContainText(LETTERS);
  // What the user typed is still in the form.
  await expect(stale.getByRole("textbox", { name: /^日本語/ }).first()).toHaveValue(
    "お詫び文書の送付(会員46名)",
  );

  await panel.getByRole("button", { name: "現在の版に自分の変更を適用して保存" }).click();
  await expect(first.getByRole("status")).toHaveText("保存しました。");

  // Both changes are in the record: the first editor's Japanese, the second editor's English.
  const cohort = await getJson<{ version: number; label: { ja: string; en: string } }>(
    first.request,
    "/api/v1/cohorts/coh-1-letters",
  );
  expect(cohort.label).toEqual({
    ja: "お詫び文書の送付(会員46名)",
    en: "Apology letters to the 46 affected members",
  });
  expect(cohort.version).toBe(3);
  await first.context().close();
  await second.context().close();
});

type TSnapshot = {
  asOf: string;
  excluded: Record<string, number>;
  overview: { incidents: { total: number }; affected: { totals: { unit: string; value: number }[] } };
};

test("a meeting entered after the fact shows and freezes only what was dated by its day, and says what it left out", async ({
  browser,
  baseURL,
}) => {
  const page = await signedInPage(browser, baseURL as string, "editor");
  await page.goto("/meetings/new");
  await settle(page);
  // The example names the organisation's own board, never another organisation's meeting.
  await expect(page.getByText("例:第1回定例理事会")).toBeVisible();
  await page.getByLabel(/^開催日/).fill("2025-06-20");
  await expect(page.getByLabel(/^年度/)).toHaveValue("2025");
  await page.getByLabel(/^回/).fill("1");
  await page
    .getByRole("group", { name: /^名称/ })
    .getByLabel(/^日本語/)
    .fill("2025年度第1回定例理事会");
  await page
    .getByRole("group", { name: /^出典となる資料/ })
    .getByLabel(/^出典の資料/)
    .selectOption("notice");
  await page.getByRole("button", { name: "議題を追加" }).click();
  const item = page.getByRole("group", { name: "議題1" });
  await item
    .getByRole("group", { name: /^議題の名称/ })
    .getByLabel(/^日本語/)
    .fill("不正アクセスの報告");
  await item
    .getByRole("group", { name: "関連する事故" })
    .getByLabel(/^事故1/)
    .check();
  await page.getByRole("button", { name: "決議・対応を追加" }).click();
  const resolution = page.getByRole("group", { name: "決議・対応1" });
  await resolution.getByLabel(/^種類/).selectOption("demand");
  // The agenda item it was made under: the item just added, before the meeting is saved.
  await resolution.getByLabel(/^議題/).selectOption({ label: "議題1:不正アクセスの報告" });
  await resolution
    .getByRole("group", { name: /^内容/ })
    .getByLabel(/^日本語/)
    .fill("経緯の報告を求める");
  await resolution
    .getByRole("group", { name: /^出典となる資料/ })
    .getByLabel(/^出典の資料/)
    .selectOption("notice");
  await page.getByRole("button", { name: "記録する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2025年度第1回定例理事会" })).toBeVisible();
  await settle(page);
  const meetingId = new URL(page.url()).pathname.split("/").pop() as string;

  // As of its day only the first incident existed: 46 members, none of the later billing errors.
  const figures = page.getByTestId("changes-figures");
  await expect(figures).toContainText("現在の記録を開催日(2025年6月20日)時点に戻して");
  await expect(figures.getByRole("row", { name: /影響を受けた会員\(延べ人数\)/ })).toContainText("46名");
  await expect(figures).not.toContainText("金銭の是正");
  await expect(page.getByTestId(/^resolution-/)).toContainText("議題1「不正アクセスの報告」について");

  // Closed today, long after its day: the frozen figures are the day's, and the page says what it left out.
  await page.getByRole("button", { name: "会議を締める" }).click();
  await page.getByRole("button", { name: "締める(凍結する)" }).click();
  const badge = page.getByTestId("closed-badge");
  await expect(badge).toContainText("締め済み");
  const snapshot = await getJson<TSnapshot>(page.request, `/api/v1/meetings/${meetingId}/snapshot`);
  expect(snapshot.asOf).toBe("2025-06-20");
  expect(snapshot.overview.incidents.total).toBe(1);
  expect(snapshot.overview.affected.totals).toEqual([expect.objectContaining({ unit: "people", value: 46 })]);
  const left = Object.values(snapshot.excluded).reduce((n, v) => n + v, 0);
  expect(snapshot.excluded.incidents).toBe(2);
  await expect(badge.getByTestId("excluded-note")).toContainText(
    `この会議の日付より後の記録 ${number(left)}件 は含まれていません`,
  );

  await badge.getByRole("link", { name: "理事会で示した数値(凍結)を見る" }).click();
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "2025年度第1回定例理事会:理事会で示した数値",
  );
  await expect(page.getByTestId("excluded-note")).toContainText(`${number(left)}件`);
  const tiles = page.getByRole("region", { name: "主要な数値" });
  await expect(tiles).toContainText("46名");
  await expect(tiles).not.toContainText("金銭の是正");
  await page.context().close();
});

test("an editor checks a vendor's file: its template has only its groups, every problem at once, every column in the preview", async ({
  browser,
  baseURL,
}) => {
  const page = await signedInPage(browser, baseURL as string, "editor");
  await page.goto("/import?vendor=partners&document=doc-5");
  await settle(page);
  const groups = page.getByRole("table", {
    name: "損保ジャパンパートナーズのテンプレートに入る対象グループ",
  });
  await expect(groups.getByRole("row")).toHaveCount(2);
  await expect(groups).toContainText("coh-3-refund");

  const csv = (lines: string[]) => ({
    name: "report.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `\uFEFF${["cohort_id,cohort_label,date,done_count,cohort_status,note_ja,note_en", ...lines].join("\n")}\n`,
    ),
  });
  const file = page.getByLabel("ファイル(CSV または JSON)");
  // One row with three independent problems: all three are listed at once.
  await file.setInputFiles(csv(["coh-3-refund,返金,2099-01-01,9,finished,,"]));
  await page.getByRole("button", { name: "内容を確認" }).click();
  const problems = page.getByRole("table", { name: "問題の一覧" });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems).toContainText("date");
  await expect(problems).toContainText("done_count");
  await expect(problems).toContainText("cohort_status");

  // A note with a comma left unquoted: the preview shows both halves, in their own columns.
  await file.setInputFiles(csv(["coh-3-refund,返金,2025-09-10,1,,1名に返金済み, 残り2名は10月中"]));
  await page.getByRole("button", { name: "内容を確認" }).click();
  const preview = page.getByRole("table", { name: "ファイルの行と取り込み結果" });
  await expect(preview.getByRole("columnheader", { name: "note_en(ファイル)" })).toBeVisible();
  await expect(preview.getByRole("row").nth(1)).toContainText("残り2名は10月中");
  await page.context().close();
});

test("an incident with no group gets its first group and its progress, dated as a vendor's file dates it", async ({
  browser,
  baseURL,
}) => {
  const page = await signedInPage(browser, baseURL as string, "editor");
  // A new incident of the demo case, recorded through the API: it has no remediation group yet.
  const session = await getJson<{ csrfToken: string }>(page.request, "/api/v1/auth/session");
  const source = { documentId: "doc-5", cites: [] };
  const created = await page.request.post("/api/v1/incidents", {
    headers: { "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    data: {
      caseId: "case-2025-insurance",
      title: { ja: "返金案内の誤送付", en: "Refund notice misdirected" },
      category: "misdelivery",
      status: "open",
      fiscalYear: 2025,
      vendorIds: ["partners"],
      chain: ["partners"],
      dataRole: "vendor_own",
      summary: { ja: "返金の案内を誤って送付した。", en: "A refund notice was misdirected." },
      system: null,
      cause: null,
      impact: [],
      dataCategories: [],
      misuse: { status: "not_reported", asOf: null, source },
      milestones: [],
      contact: null,
      documentIds: [],
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const incident = (await created.json()) as { id: string };

  await page.goto(`/incidents/${incident.id}`);
  await settle(page);
  const remediation = page.getByRole("region", { name: "是正・通知の状況" });
  await expect(remediation).toContainText("対象グループはまだ記録されていません");
  await remediation.getByRole("button", { name: "対象グループを追加" }).click();
  const form = page.getByRole("form", { name: "是正・通知の対象グループを追加" });
  await form
    .getByRole("group", { name: /^グループの名称/ })
    .getByLabel(/^日本語/)
    .fill("お詫び状の再送付");
  await form.getByRole("group", { name: /^目的/ }).getByLabel("本人への通知").click();
  await expect(form.getByLabel("返金")).toHaveCount(0);
  await expect(form.getByLabel("金銭の返還・請求の訂正を伴う")).toHaveCount(0);
  await form.getByLabel("お詫び文書の送付").check();
  const people = form.getByRole("group", { name: /^対象の人数/ });
  await people.getByRole("radio", { name: "報告された数値" }).check();
  await people.getByRole("textbox", { name: /^数値/ }).fill("3");
  await people.getByLabel(/^出典の資料/).selectOption("doc-5");
  await form.getByLabel(/^状態(?!の出典)/).selectOption("in_progress");
  await form
    .getByRole("group", { name: /^状態の出典/ })
    .getByLabel(/^出典の資料/)
    .selectOption("doc-5");
  await form.getByRole("button", { name: "グループを追加する" }).click();

  const card = page
    .locator("article.cohort")
    .filter({ has: page.getByRole("heading", { level: 3, name: "お詫び状の再送付" }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText("送付済み");
  await card.getByRole("button", { name: "進捗を記録" }).click();
  const progress = page.getByRole("form", { name: "進捗を記録: お詫び状の再送付" });
  await progress.getByRole("button", { name: "対象者全員(3名)の完了として入力" }).click();
  await expect(progress).toContainText("この報告で状態が変わります: 対応中 → 完了(委託先報告)");
  // As a vendor's spreadsheet writes it: the import accepts it, and so does the form.
  await progress.getByLabel(/報告の日付/).fill("2025/10/3");
  await progress.getByLabel(/出典の資料/).selectOption("doc-5");
  await progress.getByRole("button", { name: "進捗を記録する" }).click();
  await expect(card.getByRole("status")).toHaveText("保存しました。");

  await page.reload();
  await settle(page);
  const row = card.getByRole("row").filter({ hasText: "2025年10月3日" });
  await expect(row).toContainText("3名");
  await expect(row).toContainText("対応中 → 完了(委託先報告)");
  await expect(card.locator(".cohort-head .status-chip")).toHaveText("完了(委託先報告)");
  await page.context().close();
});
