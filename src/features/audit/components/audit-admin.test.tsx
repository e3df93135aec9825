import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { appendMockAudit } from "@/mocks/store";
import { CSRF_HEADER } from "@/shared/schemas/auth";
import { renderApp } from "@/test/render";

const downloads = vi.hoisted(() => [] as { name: string; csv: string }[]);
vi.mock("@/lib/download", async (original) => ({
  ...(await original<typeof import("@/lib/download")>()),
  downloadText: (name: string, csv: string) => downloads.push({ name, csv }),
}));

const SLOW = { timeout: 5000 };

/** The secretariat records the three refunds as done (through the mocks' API, as the app would). */
const recordRefunds = async () => {
  const { csrfToken } = signInMock("editor");
  const res = await fetch("http://localhost/api/v1/cohorts/coh-3-refund/progress", {
    method: "POST",
    headers: { "content-type": "application/json", [CSRF_HEADER]: csrfToken },
    body: JSON.stringify({
      version: 1,
      date: "2025-09-30",
      doneCount: { status: "reported", value: 3, source: { documentId: "notice", cites: [] } },
      note: null,
      source: { documentId: "notice", cites: [] },
      cohortStatus: "completed",
    }),
  });
  expect(res.status).toBe(200);
};

const actor = { id: "usr-demoeditor", username: "demo-editor", displayName: "Demo editor" };

/** `n` entries straight into the mocks' log (settings changes: the simplest record there is). */
const appendEntries = (n: number) =>
  appendMockAudit(
    mockStore,
    Array.from({ length: n }, (_, i) => ({
      action: "updateSettings",
      entityType: "settings" as const,
      entityId: "settings",
      before: { dayCounting: "exclude_first_day", version: i + 1 },
      after: { dayCounting: "include_first_day", version: i + 2 },
    })),
    { now: new Date("2025-10-01T01:00:00Z"), actor },
  );

const verification = () => screen.findByRole("region", { name: "改ざんの検証" }, SLOW);
const logTable = () => screen.findByRole("table", { name: /^変更の記録\(新しい順・全\d+件\)$/ }, SLOW);

describe("the audit page (/admin/audit)", () => {
  beforeEach(() => signInMock("admin"));

  it("shows first that the log is intact, with its last hash, then who did what to which record", async () => {
    await recordRefunds();
    signInMock("admin");
    const user = userEvent.setup();
    renderApp("/admin/audit");
    expect(await screen.findByRole("heading", { level: 1, name: "監査ログ" }, SLOW)).toBeInTheDocument();
    const result = await verification();
    expect(await within(result).findByText("改ざんは検出されませんでした", {}, SLOW)).toBeInTheDocument();
    expect(result).toHaveTextContent("1件の記録をすべて検証しました(最新は記録 #1)。");
    const head = mockStore.head?.hash as string;
    expect(within(result).getByText(head.slice(0, 16))).toBeInTheDocument();
    expect(result).toHaveTextContent(`--anchor 1:${head.slice(0, 16)}`);
    // The verdict comes before the log.
    const log = screen.getByRole("region", { name: "変更の記録" });
    expect(result.compareDocumentPosition(log) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const table = await logTable();
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["番号", "日時", "実行者", "操作", "対象の記録", "変更内容"]);
    const row = within(table).getByRole("row", { name: /#1/ });
    expect(row).toHaveTextContent("Demo editor");
    expect(row).toHaveTextContent("進捗を記録");
    expect(within(row).getByRole("link", { name: "二重請求された加入者への返金" })).toHaveAttribute(
      "href",
      "/incidents/inc-3",
    );

    const toggle = within(row).getByRole("button", { name: "記録 #1 の変更前後を表示" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveTextContent("変更前後(2項目)");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const diff = screen.getByRole("table", { name: "記録 #1 の変更前後(変更された項目のみ)" });
    const status = within(diff).getByRole("row", { name: /^状態/ });
    expect(
      within(status)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["対応中", "完了(委託先報告)"]);
    const progress = within(diff).getByRole("row", { name: /^進捗/ });
    expect(within(progress).getAllByRole("cell")[0]).toHaveTextContent("(なし)");
    expect(within(progress).getAllByRole("cell")[1]).toHaveTextContent('"doneCount"');
    // Only the changed fields: the label did not change.
    expect(within(diff).queryByRole("row", { name: /^名称/ })).not.toBeInTheDocument();
  });

  it("names each tampered entry in red, and checks again on request", async () => {
    await recordRefunds();
    signInMock("admin");
    await appendEntries(2);
    // Someone edits entry 2 behind the app's back.
    const original = mockStore.audit[1];
    mockStore.audit = mockStore.audit.map((e) =>
      e.seq === 2 ? { ...e, actor: { ...e.actor, displayName: "Someone else" } } : e,
    );
    const user = userEvent.setup();
    renderApp("/admin/audit");
    const result = await verification();
    const alert = await within(result).findByRole("alert", {}, SLOW);
    expect(alert).toHaveTextContent("改ざんを検出しました(問題 1件)");
    expect(within(alert).getByRole("listitem")).toHaveTextContent(
      "記録 #2:書き込まれた後に内容が変更されています。",
    );
    expect(within(result).queryByText("改ざんは検出されませんでした")).not.toBeInTheDocument();

    mockStore.audit = mockStore.audit.map((e) => (e.seq === 2 && original ? original : e));
    await user.click(within(result).getByRole("button", { name: "再検証する" }));
    expect(await within(result).findByText("改ざんは検出されませんでした", {}, SLOW)).toBeInTheDocument();
    expect(within(result).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("filters by kind of record and pages through the log, keeping both in the address", async () => {
    await recordRefunds();
    signInMock("admin");
    await appendEntries(60);
    const user = userEvent.setup();
    const { router } = renderApp("/admin/audit");
    let table = await logTable();
    expect(table).toHaveAccessibleName("変更の記録(新しい順・全61件)");
    expect(within(table).getAllByRole("row")).toHaveLength(51);
    expect(screen.getByText("全61件中 1〜50件目")).toBeInTheDocument();
    const pages = screen.getByRole("navigation", { name: "ページ送り" });
    expect(within(pages).getByRole("button", { name: "新しい記録へ" })).toBeDisabled();
    await user.click(within(pages).getByRole("button", { name: "古い記録へ" }));
    await waitFor(() => expect(router.state.location.search).toBe("?page=2"));
    expect(await screen.findByText("全61件中 51〜61件目", {}, SLOW)).toBeInTheDocument();
    table = await logTable();
    expect(within(table).getByRole("row", { name: /#1 .*進捗を記録/ })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("記録の種類"), "是正の対象グループ");
    await waitFor(() => expect(router.state.location.search).toBe("?type=cohort"));
    await waitFor(async () => expect(await logTable()).toHaveAccessibleName("変更の記録(新しい順・全1件)"));
    await user.selectOptions(screen.getByLabelText("記録の種類"), "資料");
    expect(
      await screen.findByText("この条件に当てはまる変更の記録はありません。", {}, SLOW),
    ).toBeInTheDocument();
  });

  it("exports the whole log as CSV, with the hashes", async () => {
    await recordRefunds();
    signInMock("admin");
    await appendEntries(2);
    downloads.length = 0;
    const user = userEvent.setup();
    renderApp("/admin/audit");
    await logTable();
    await user.click(screen.getByRole("button", { name: "CSVを書き出す(全件・ハッシュ付き)" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const [file] = downloads as [{ name: string; csv: string }];
    expect(file.name).toBe("audit-log.csv");
    const lines = file.csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "番号,日時(UTC),実行者(ユーザー名),実行者(表示名),操作,記録の種類,記録のID,変更された項目,変更前(JSON),変更後(JSON),直前の記録のハッシュ,ハッシュ",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^3,2025-10-01T01:00:00.000Z,demo-editor,Demo editor,updateSettings,settings,settings,/,
    );
    expect(lines[3]).toContain(",addProgressEvent,cohort,coh-3-refund,status progress,");
    expect(lines[3]?.endsWith(`,${mockStore.audit[0]?.prevHash},${mockStore.audit[0]?.hash}`)).toBe(true);
  });

  it("is for administrators: an editor gets the 403 page and no link to it", async () => {
    signInMock("editor");
    renderApp("/admin/audit");
    expect(
      await screen.findByRole("heading", { level: 1, name: "この画面を見る権限がありません" }, SLOW),
    ).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "メインメニュー" });
    expect(within(nav).queryByRole("link", { name: "監査ログ" })).not.toBeInTheDocument();
  });

  it("speaks English too, and the administrators' tabs link to it", async () => {
    renderApp("/admin/audit", { lang: "en" });
    expect(await screen.findByRole("heading", { level: 1, name: "Audit trail" }, SLOW)).toBeInTheDocument();
    const result = await screen.findByRole("region", { name: "Tamper check" }, SLOW);
    expect(await within(result).findByText("No tampering detected", {}, SLOW)).toBeInTheDocument();
    expect(result).toHaveTextContent("No changes recorded yet (0 entries verified).");
    expect(await screen.findByText("No recorded changes match.", {}, SLOW)).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main menu" });
    expect(within(nav).getByRole("link", { name: "Admin" })).toHaveAttribute("aria-current", "page");
    const tabs = screen.getByRole("navigation", { name: "Administration" });
    expect(within(tabs).getByRole("link", { name: "Audit trail" })).toHaveAttribute("aria-current", "page");
  });
});
