import { expect, type Locator, type Page } from "@playwright/test";
import { users, withOwnServer } from "./own-server";

/*
 * A new secretariat starts from an empty record (DEMO_DATA=0) and does everything through the UI alone:
 * the organisation's words, a contractor and its printer, a service, a case, an incident at the printer
 * with its first remediation group, progress, a commitment, a meeting dated back and closed. The closed
 * meeting holds only what was dated by its day; the overview scoped to the case shows records (件) and
 * letters sent, never money. Each step leaves a screenshot in docs/screenshots/secretariat-NN-*.png.
 *
 * This file runs its own server (scripts/e2e-server.ts with DEMO_DATA=0: its own build and a fresh
 * PGlite) on a port of its own, with the run's users: the shared server holds the demo case.
 */

// The administrator alone: every user:add costs seconds, and this file needs no other.
// E2E_SECRETARIAT_URL: a server of one's own (started with DEMO_DATA=0 and the run's admin), while writing steps.
const test = withOwnServer({
  ports: [18450, 18459],
  env: { DEMO_DATA: "0", E2E_USERS_JSON: JSON.stringify({ admin: users.admin }) },
  givenUrl: process.env.E2E_SECRETARIAT_URL,
  timeout: 130_000,
});

const settle = async (page: Page) => {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
};

let shotNumber = 0;
/** A full-page screenshot of the step, numbered in order, for the docs (docs/any-case.md links them). */
const shot = async (page: Page, step: string) => {
  // Charts draw when they come near the viewport: bring each into view, as a reader scrolling down would.
  for (const body of await page.locator(".chart-body").all()) {
    await body.scrollIntoViewIfNeeded();
    await expect(body.locator("svg").first()).toBeVisible();
  }
  /*
   * The browser itself lays out and paints parts far from the viewport only once they come near
   * (content-visibility: the course of each case, the charts' frames), and a full-page capture does not
   * scroll: the page is captured as a reader scrolling through it sees it.
   */
  await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
  await page.evaluate(() => window.scrollTo(0, 0));
  shotNumber += 1;
  const nn = String(shotNumber).padStart(2, "0");
  await page.screenshot({ path: `docs/screenshots/secretariat-${nn}-${step}.png`, fullPage: true });
};

test.use({ actionTimeout: 10_000 });

/** The Japanese and English boxes of a bilingual field, found by the group's name. */
const bilingual = (scope: Locator | Page, group: string | RegExp) => {
  const field = scope.getByRole("group", { name: group });
  return {
    ja: field.getByRole("textbox", { name: /^日本語/ }),
    en: field.getByRole("textbox", { name: /^English/ }),
  };
};

const CASE_JA = "西町印刷ランサムウェア被害(2026年)";
const CASE_EN = "Ransomware at Nishimachi Printing (2026)";
const INCIDENT_JA = "印刷再委託先のランサムウェア感染による顧客請求データの流出";
const INCIDENT_EN = "Customer billing records taken in a ransomware attack at the printing subcontractor";
// The printer's first report; the contractor's two reports of letters sent, before and after the meeting.
const REPORT_DATE = "2026-09-10";
const FIRST_PROGRESS_DATE = "2026-10-15";
const MEETING_DATE = "2026-10-30";
const LATER_PROGRESS_DATE = "2026-11-20";
const RECORDS = 12_480;
const PRINTER_REPORT = "西町第1報 — ランサムウェア被害に関する第1報 (2026年9月10日)";
const OCTOBER_REPORT = "北浜10月報告 — お詫び状の送付状況(10月) (2026年10月15日)";
const NOVEMBER_REPORT = "北浜11月報告 — お詫び状の送付完了報告 (2026年11月20日)";
const LETTERS = "顧客へのお詫び状の送付";
const CUSTOMERS = 11_930;
const SENT_BY_OCTOBER = 8_000;
const PROMISE = "再委託先(西町印刷)の情報セキュリティ監査を行い、結果を報告する";
const MEETING = "第10回定例取締役会";
const MINUTES = "10月取締役会議事録 — 第10回定例取締役会 議事録 (2026年10月30日)";
let caseUrl = "";
let incidentUrl = "";

/*
 * Words of the demo case that must never show on a record that is not the demo's: its scheme, its insurer
 * (a fixed actor), its numbered papers, and 会員 — this organisation calls the people it serves 顧客.
 */
const DEMO_WORDS = [/作業療法/, /損保/, /保険会社/, /資料[1-5](?![0-9件月])/, /会員/];
const expectNoDemoWords = async (page: Page) => {
  // textContent runs cells together ("資料" + "10月…"): the papers' pattern allows for it.
  const text = (await page.locator("body").textContent()) ?? "";
  for (const word of DEMO_WORDS) expect(text, `the page names ${word}`).not.toMatch(word);
};

test("a new secretariat records a printer's ransomware from an empty record, through the UI alone", async ({
  page,
}) => {
  test.setTimeout(110_000);

  await test.step("sign in as the administrator", async () => {
    await page.goto("/signin");
    await page.getByLabel("ユーザー名").fill(users.admin.username);
    await page.getByLabel("パスワード", { exact: true }).fill(users.admin.password);
    await page.getByRole("button", { name: "サインイン", exact: true }).click();
    await expect(page.getByRole("region", { name: "サインイン中のユーザー" })).toBeVisible();
    await settle(page);
    await expect(page.getByRole("link", { name: "組織の設定を開く" })).toBeVisible();
    await shot(page, "empty-overview");
  });

  await test.step("the organisation: names, board, people served, fiscal year, legal form", async () => {
    await page.goto("/admin/organisation");
    await settle(page);
    const form = page.getByRole("form", { name: "組織の設定" });
    const name = bilingual(form, "組織の正式名称");
    await name.ja.fill("株式会社みなと情報サービス");
    await name.en.fill("Minato Information Services Co., Ltd.");
    const short = bilingual(form, /^略称/);
    await short.ja.fill("当社");
    await short.en.fill("the company");
    const board = bilingual(form, "会議体の名前");
    await board.ja.fill("取締役会");
    await board.en.fill("Board of Directors");
    await form.getByRole("combobox", { name: /年度の始まる月/ }).selectOption({ label: "1月" });
    await form.getByRole("combobox", { name: /法人形態/ }).selectOption({ label: "株式会社" });
    const people = form.getByRole("group", { name: /^対象者の呼び方 1/ });
    const peopleName = bilingual(people, "呼び方");
    await peopleName.ja.fill("顧客");
    await peopleName.en.fill("customers");
    await expect(form).toContainText("会社法");
    await form.getByRole("button", { name: "設定を保存する" }).click();
    await expect(page.getByRole("status").filter({ hasText: "組織の設定を保存しました。" })).toBeVisible();
    // The header names whose board this is, in the organisation's own words.
    await expect(page.getByRole("banner")).toContainText("当社 取締役会");
    await shot(page, "organisation");
  });

  await test.step("the contractor (BPO) the company deals with directly", async () => {
    await page.goto("/vendors/new");
    await settle(page);
    const form = page.getByRole("form", { name: "委託先を登録" });
    const name = bilingual(form, "正式名称");
    await name.ja.fill("株式会社北浜ビジネスサポート");
    await name.en.fill("Kitahama Business Support Inc.");
    const short = bilingual(form, "略称");
    await short.ja.fill("北浜BPO");
    await short.en.fill("Kitahama BPO");
    await form.getByRole("radio", { name: "業務委託先(BPO)" }).check();
    await form.getByRole("button", { name: "登録する" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("株式会社北浜ビジネスサポート");
    await settle(page);
    await shot(page, "contractor");
  });

  await test.step("the printer, subcontracted by the contractor", async () => {
    await page.goto("/vendors/new");
    await settle(page);
    const form = page.getByRole("form", { name: "委託先を登録" });
    const name = bilingual(form, "正式名称");
    await name.ja.fill("有限会社西町印刷");
    await name.en.fill("Nishimachi Printing Ltd.");
    const short = bilingual(form, "略称");
    await short.ja.fill("西町印刷");
    await short.en.fill("Nishimachi Printing");
    await form.getByRole("radio", { name: "印刷・発送業者" }).check();
    await form
      .getByRole("group", { name: /^委託元/ })
      .getByRole("checkbox", { name: /^株式会社北浜ビジネスサポート/ })
      .check();
    await form.getByRole("button", { name: "登録する" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("有限会社西町印刷");
    await settle(page);
    await expect(page.getByRole("region", { name: "委託関係" })).toContainText("北浜BPO");
    await expectNoDemoWords(page);
    await shot(page, "printer");
  });

  await test.step("the service the printer works on for the contractor", async () => {
    await page.goto("/services/new");
    await settle(page);
    const form = page.getByRole("form", { name: "サービスを登録" });
    const name = bilingual(form, "サービスの名称");
    await name.ja.fill("請求書・お知らせの印刷発送");
    await name.en.fill("Printing and mailing of invoices and notices");
    await form.getByRole("radio", { name: "印刷・発送(DM等)" }).check();
    await expect(form.getByRole("combobox", { name: /対象となる人々/ })).toHaveValue("members");
    await form.getByRole("checkbox", { name: "株式会社北浜ビジネスサポート" }).check();
    await form.getByRole("checkbox", { name: "有限会社西町印刷" }).check();
    await form.getByRole("button", { name: "登録する" }).click();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("サービスを登録");
    await settle(page);
    await shot(page, "service");
  });

  await test.step("the documents the record rests on", async () => {
    const addDocument = async (d: {
      label: string;
      title: string;
      kind: string;
      issuer: string;
      date: string;
    }) => {
      await page.goto("/documents/new");
      await settle(page);
      const form = page.getByRole("form", { name: "資料を登録" });
      await bilingual(form, "資料番号・略称").ja.fill(d.label);
      await bilingual(form, "表題").ja.fill(d.title);
      await form.getByRole("combobox", { name: /資料の種類/ }).selectOption({ label: d.kind });
      await form.getByRole("group", { name: "発信者" }).getByRole("checkbox", { name: d.issuer }).check();
      await form.getByRole("textbox", { name: "日付" }).fill(d.date);
      await form.getByRole("button", { name: "登録する" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${d.label} ${d.title}`);
    };
    await addDocument({
      label: "西町第1報",
      title: "ランサムウェア被害に関する第1報",
      kind: "報告書",
      issuer: "有限会社西町印刷",
      date: REPORT_DATE,
    });
    await addDocument({
      label: "北浜10月報告",
      title: "お詫び状の送付状況(10月)",
      kind: "報告書",
      issuer: "株式会社北浜ビジネスサポート",
      date: FIRST_PROGRESS_DATE,
    });
    await addDocument({
      label: "北浜11月報告",
      title: "お詫び状の送付完了報告",
      kind: "報告書",
      issuer: "株式会社北浜ビジネスサポート",
      date: LATER_PROGRESS_DATE,
    });
    await addDocument({
      label: "10月取締役会議事録",
      title: "第10回定例取締役会 議事録",
      kind: "議事録",
      issuer: "株式会社みなと情報サービス",
      date: MEETING_DATE,
    });
    await settle(page);
    await shot(page, "documents");
  });

  await test.step("the case the board follows", async () => {
    await page.goto("/cases/new");
    await settle(page);
    const form = page.getByRole("form", { name: "事案を登録" });
    const name = bilingual(form, "事案の名前");
    await name.ja.fill(CASE_JA);
    await name.en.fill(CASE_EN);
    await bilingual(form, /^概要/).ja.fill(
      "北浜BPOの再委託先の西町印刷がランサムウェアに感染し、顧客の請求データが暗号化・窃取された。",
    );
    await form.getByRole("button", { name: "事案を登録する" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CASE_JA);
    await settle(page);
    caseUrl = new URL(page.url()).pathname;
    await shot(page, "case");
  });

  await test.step("the incident: ransomware at the printer, exposed through the contractor", async () => {
    await page.goto("/incidents/new");
    await settle(page);
    const form = page.getByRole("form", { name: "事故を登録" });
    await form.getByRole("combobox", { name: /^事案/ }).selectOption({ label: CASE_JA });
    await bilingual(form, "件名").ja.fill(INCIDENT_JA);
    await bilingual(form, "件名").en.fill(INCIDENT_EN);
    await form
      .getByRole("combobox", { name: /^種類/ })
      .selectOption({ label: "サイバー攻撃(ランサムウェア等)" });
    await form.getByRole("textbox", { name: /^年度/ }).fill("2026");
    await bilingual(form, /^概要/).ja.fill(
      "印刷発送の再委託先がランサムウェアに感染し、顧客の請求データが窃取された。",
    );
    await bilingual(form, /^概要/).en.fill(
      "The printing subcontractor was hit by ransomware and customers' billing records were taken.",
    );
    // The chain: our contractor first, then its printer, where it happened.
    const chain = form.getByRole("group", { name: /^委託の経路/ });
    await chain
      .getByRole("combobox")
      .first()
      .selectOption({ label: "株式会社北浜ビジネスサポート(業務委託先(BPO))" });
    await chain.getByRole("button", { name: "再委託先を追加" }).click();
    await chain.getByRole("combobox").nth(1).selectOption({ label: "有限会社西町印刷(印刷・発送業者)" });
    const answerable = form.getByRole("group", { name: "責任を負う委託先" });
    await answerable.getByRole("checkbox", { name: /^株式会社北浜ビジネスサポート/ }).check();
    await answerable.getByRole("checkbox", { name: /^有限会社西町印刷/ }).check();
    await form.getByRole("radio", { name: /当社が委託した個人データ/ }).check();
    // Our customers' records: 件, not people.
    const impact = form.getByRole("group", { name: /^影響を受けた人・記録/ });
    await impact.getByRole("button", { name: "影響を追加" }).click();
    const entry = impact.getByRole("group", { name: "影響 1" });
    await entry.getByRole("radio", { name: "当社の対象" }).check();
    await entry.getByRole("radio", { name: "件数(件)" }).check();
    await expect(entry.getByRole("combobox", { name: "対象者" })).toHaveValue("members");
    await entry.getByRole("radio", { name: "報告された数値" }).check();
    await entry.getByRole("textbox", { name: /^数値/ }).fill(String(RECORDS));
    await entry.getByRole("combobox", { name: /^出典の資料/ }).selectOption({ label: PRINTER_REPORT });
    await form
      .getByRole("region", { name: "不正利用" })
      .getByRole("combobox", { name: /^出典の資料/ })
      .selectOption({ label: PRINTER_REPORT });
    const events = form.getByRole("group", { name: /^日付のある出来事/ });
    const addEvent = async (n: number, kind: string, date: string) => {
      await events.getByRole("button", { name: "経緯を追加" }).click();
      const event = events.getByRole("group", { name: `経緯 ${n}` });
      await event.getByRole("combobox", { name: /^出来事/ }).selectOption({ label: kind });
      await event.getByRole("textbox", { name: /^日付/ }).fill(date);
      await event.getByRole("combobox", { name: /^出典の資料/ }).selectOption({ label: PRINTER_REPORT });
    };
    await addEvent(1, "発生", "2026-09-03");
    await addEvent(2, "当社へ文書で報告", REPORT_DATE);
    await shot(page, "incident-form");
    await form.getByRole("button", { name: "登録する" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(INCIDENT_JA);
    await settle(page);
    incidentUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("group", { name: "影響を受けた人・記録" })).toContainText("12,480件");
    // The board has not heard of it yet: its clock runs from the day the contractor told the company.
    const boardClock = page.getByRole("row", { name: /取締役会への報告\(3か月ごと\)/ });
    await expect(boardClock).toContainText(
      "委託先から当社に報告があった日(取締役会への報告は記録にありません)",
    );
    await expectNoDemoWords(page);
    await shot(page, "incident");
  });

  await test.step("the first remediation group, added from the incident: letters to the customers", async () => {
    const remediation = page.getByRole("region", { name: "是正・通知の状況" });
    await expect(remediation).toContainText("まだ記録されていません");
    await remediation.getByRole("button", { name: "対象グループを追加" }).click();
    const form = remediation.getByRole("form", { name: "是正・通知の対象グループを追加" });
    await bilingual(form, "グループの名称").ja.fill(LETTERS);
    await bilingual(form, "グループの名称").en.fill("Letters of apology to customers");
    await form.getByRole("radio", { name: "本人への通知" }).check();
    await expect(form.getByRole("combobox", { name: /^対象者/ })).toHaveValue("members");
    await form
      .getByRole("group", { name: /^通知の方法/ })
      .getByRole("checkbox")
      .first()
      .check();
    const target = form.getByRole("group", { name: "対象の人数" });
    await target.getByRole("radio", { name: "報告された数値" }).check();
    await target.getByRole("textbox", { name: /^数値/ }).fill(String(CUSTOMERS));
    await target.getByRole("combobox", { name: /^出典の資料/ }).selectOption({ label: PRINTER_REPORT });
    await form.getByRole("combobox", { name: /^状態/ }).selectOption({ label: "未着手" });
    await form
      .getByRole("group", { name: "状態の出典" })
      .getByRole("combobox", { name: /^出典の資料/ })
      .selectOption({ label: PRINTER_REPORT });
    await shot(page, "remediation-form");
    await form.getByRole("button", { name: "グループを追加する" }).click();
    await expect(remediation.getByRole("heading", { level: 3, name: LETTERS })).toBeVisible();
    await settle(page);
  });

  await test.step("progress on the letters: part sent by October, all by November", async () => {
    const card = page
      .locator("article.cohort")
      .filter({ has: page.getByRole("heading", { level: 3, name: LETTERS }) });
    const record = async (date: string, sent: number, status: string, source: string) => {
      await card.getByRole("button", { name: "進捗を記録" }).click();
      const form = page.getByRole("form", { name: `進捗を記録: ${LETTERS}` });
      await form.getByLabel(/報告の日付/).fill(date);
      await form.getByRole("textbox", { name: /^数値/ }).fill(String(sent));
      await form.getByLabel(/グループの状態/).selectOption({ label: status });
      await form.getByLabel(/出典の資料/).selectOption({ label: source });
      await form.getByRole("button", { name: "進捗を記録する" }).click();
      await expect(card.getByRole("status")).toHaveText("保存しました。");
    };
    await record(FIRST_PROGRESS_DATE, SENT_BY_OCTOBER, "対応中", OCTOBER_REPORT);
    await record(LATER_PROGRESS_DATE, CUSTOMERS, "完了(委託先報告)", NOVEMBER_REPORT);
    await page.reload();
    await settle(page);
    await expect(card).toContainText("送付済み");
    await expectNoDemoWords(page);
    await shot(page, "progress");
  });

  await test.step("a commitment: the contractor promises an audit of its printer", async () => {
    await page.goto("/commitments");
    await settle(page);
    await page.getByRole("button", { name: "約束・要求を追加" }).click();
    const form = page.getByRole("form", { name: "約束・要求を追加" });
    await form.getByRole("radio", { name: "委託先の約束" }).check();
    await bilingual(form, "約束・要求の内容").ja.fill(PROMISE);
    await form
      .getByRole("group", { name: /^履行する委託先/ })
      .getByRole("checkbox", { name: "株式会社北浜ビジネスサポート" })
      .check();
    await form
      .getByRole("group", { name: "関係する事故" })
      .getByRole("checkbox", { name: new RegExp(INCIDENT_JA) })
      .check();
    await form.getByRole("textbox", { name: "期限" }).fill("2026-12-25");
    await form.getByRole("textbox", { name: "約束・要求の日付" }).fill(FIRST_PROGRESS_DATE);
    await form
      .getByRole("group", { name: "出典" })
      .getByRole("combobox", { name: /^出典の資料/ })
      .selectOption({ label: OCTOBER_REPORT });
    await form.getByRole("button", { name: "約束・要求を追加する" }).click();
    await expect(page.getByRole("region", { name: /^一覧/ })).toContainText(PROMISE);
    await settle(page);
    await shot(page, "commitment");
  });

  await test.step("the board meeting, recorded afterwards with its own date, then closed", async () => {
    await page.goto("/meetings/new");
    await settle(page);
    const form = page.getByRole("form", { name: "取締役会を記録する" });
    await form.getByRole("textbox", { name: /^開催日/ }).fill(MEETING_DATE);
    await expect(form.getByRole("textbox", { name: /^年度/ })).toHaveValue("2026");
    await form.getByRole("textbox", { name: /^回/ }).fill("10");
    await bilingual(form, "名称").ja.fill(MEETING);
    await bilingual(form, "名称").en.fill("10th regular Board of Directors meeting");
    await form
      .getByRole("group", { name: "出典となる資料" })
      .getByRole("combobox", { name: /^出典の資料/ })
      .selectOption({ label: MINUTES });
    const items = form.getByRole("group", { name: /^報告・説明された議題/ });
    await items.getByRole("button", { name: "議題を追加" }).click();
    const item = items.getByRole("group", { name: "議題1" });
    await bilingual(item, "議題の名称").ja.fill("西町印刷のランサムウェア被害と顧客へのお詫び状の送付状況");
    await item.getByRole("group", { name: "説明" }).getByRole("checkbox", { name: "北浜BPO" }).check();
    await item
      .getByRole("group", { name: "関連する事故" })
      .getByRole("checkbox", { name: new RegExp(INCIDENT_JA) })
      .check();
    await form.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(MEETING);
    await settle(page);
    await shot(page, "meeting");
  });

  await test.step("closing freezes only what was dated by the meeting's day, and says what was left out", async () => {
    const main = page.locator("main");
    await page.getByRole("button", { name: "会議を締める" }).click();
    const confirm = page.getByTestId("close-confirm");
    await expect(confirm).toContainText("2026年10月30日");
    await shot(page, "meeting-close");
    await confirm.getByRole("button", { name: "締める(凍結する)" }).click();
    await expect(main).toContainText("この会議を締めました。取締役会で示した数値を凍結しました。");
    await settle(page);
    // The November report was already in the record, dated after the meeting: left out, and said so.
    const note = page.getByTestId("excluded-note");
    await expect(note).toContainText(
      "この会議の日付より後の記録 2件 は含まれていません(是正・通知の進捗 1件・資料 1件)。",
    );
    const figures = page.getByRole("table", { name: /^主要な数値/ });
    await expect(figures.getByRole("row", { name: /顧客への通知:送付済み \/ 対象/ })).toContainText(
      "8,000 / 11,930名",
    );
    await expect(figures).not.toContainText("11,930 / 11,930");
    await expect(figures.getByRole("row", { name: /影響を受けた顧客の記録/ })).toContainText("12,480件");
    await expectNoDemoWords(page);
    await shot(page, "meeting-closed");

    await page.getByRole("link", { name: "取締役会で示した数値(凍結)を見る" }).click();
    await settle(page);
    await expect(main).toContainText("8,000");
    await expect(main).not.toContainText("11,930 / 11,930");
    await expect(page.getByTestId("excluded-note")).toContainText("是正・通知の進捗 1件");
    await expectNoDemoWords(page);
    await shot(page, "meeting-snapshot");
  });

  await test.step("the overview scoped to the case: records and letters sent, never money", async () => {
    const caseId = caseUrl.split("/").pop() as string;
    await page.goto(`/?case=${caseId}`);
    await settle(page);
    const bar = page.getByRole("form", { name: "表示の範囲" });
    await expect(bar.getByLabel("事案", { exact: true })).toHaveValue(caseId);
    const main = page.locator("main");
    await expect(main).toContainText("12,480件");
    await expect(main).toContainText("送付済み");
    await expect(main).not.toContainText("是正済み");
    await expect(main).not.toContainText("円");
    await expectNoDemoWords(page);
    await shot(page, "overview-case");
  });

  await test.step("the same overview in English", async () => {
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await settle(page);
    const main = page.locator("main");
    await expect(page.getByRole("banner")).toContainText("Board of Directors");
    await expect(main).toContainText("12,480 records");
    await expect(main).toContainText("customers");
    await expect(main).toContainText("sent");
    await expect(main).not.toContainText("¥");
    await shot(page, "overview-case-en");
    await page.goto(incidentUrl);
    await settle(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(INCIDENT_EN);
    await expect(page.locator("main")).toContainText("Kitahama Business Support Inc.");
    // The meeting of 30 Oct took it up: the board has heard of it, though no milestone says so.
    await expect(
      page.getByRole("group", { name: "Until the report to the Board of Directors" }),
    ).toContainText("30 Oct 2026");
    await shot(page, "incident-en");
    await page.getByRole("button", { name: /日本語/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  });
});
