import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { writeCsv } from "@/shared/csv";
import { renderApp } from "@/test/render";

const downloads = vi.hoisted(() => [] as { name: string; text: string }[]);
vi.mock("@/lib/download", async (original) => ({
  ...(await original<typeof import("@/lib/download")>()),
  downloadText: (name: string, text: string) => downloads.push({ name, text }),
}));

const SLOW = { timeout: 5000 };
const HEADER = ["cohort_id", "cohort_label", "date", "done_count", "cohort_status", "note_ja", "note_en"];

const csvFile = (rows: string[][], name = "report.csv") =>
  new File([writeCsv([HEADER, ...rows], { bom: true })], name, { type: "text/csv" });

const GOOD = [
  ["coh-3-refund", "返金", "2025-09-10", "1", "", "1名に返金", ""],
  ["coh-3-refund", "返金", "2025-09-20", "3", "completed", "", ""],
  ["coh-2-failed", "再請求", "2025-08-15", "6", "", "", ""],
];
const BAD = [
  ["coh-3-refund", "", "2025-09-05", "4", "", "", ""],
  ["no-such-cohort", "", "2025/9/10", "x", "", "", ""],
];

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent);

/** Opens /import, chooses the vendor's notice (doc-5) and the file. */
const prepare = async (file: File, lang: "ja" | "en" = "ja") => {
  const user = userEvent.setup();
  const view = renderApp("/import", { lang });
  const select = await screen.findByLabelText(
    lang === "ja" ? "この報告書(資料)" : "The report (document)",
    {},
    SLOW,
  );
  await within(select).findAllByRole("option", {}, SLOW);
  await user.selectOptions(select, "doc-5");
  await user.upload(
    screen.getByLabelText(lang === "ja" ? "ファイル(CSV または JSON)" : "File (CSV or JSON)"),
    file,
  );
  return { user, ...view };
};

describe("Import page (/import)", () => {
  it("refuses a file with bad rows: every problem by line and column, in Japanese, and nothing stored", async () => {
    const { user } = await prepare(csvFile([...GOOD, ...BAD]));
    await user.click(screen.getByRole("button", { name: "内容を確認" }));
    expect(
      await screen.findByRole("heading", { name: "取り込めません:何も保存していません" }, SLOW),
    ).toHaveFocus();
    const table = screen.getByRole("table", { name: "問題の一覧" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map(cells)).toEqual([
      ["5", "done_count", "対象グループの人数(3名)を超えています"],
      ["6", "cohort_id", "ID「no-such-cohort」の対象グループはありません"],
      ["6", "done_count", "「x」は人数(0以上の整数)ではありません"],
    ]);
    expect(screen.getByText("3件の問題があります。", { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "この内容で取り込む" })).not.toBeInTheDocument();
    expect(mockStore.data).toBe(mockStore.initial);
    expect(mockStore.audit).toEqual([]);
  });

  it("says the problems in English for an English reader", async () => {
    const { user } = await prepare(csvFile(BAD), "en");
    await user.click(screen.getByRole("button", { name: "Check the file" }));
    const table = await screen.findByRole("table", { name: "Problems" }, SLOW);
    expect(within(table).getAllByRole("row").slice(1).map(cells)).toEqual([
      ["2", "done_count", "More than the group's 3 people"],
      ["3", "cohort_id", "There is no group with the id “no-such-cohort”"],
      ["3", "done_count", "“x” is not a number of people (a whole number, 0 or more)"],
    ]);
  });

  it("checks a good file (a preview, nothing stored), then imports it and every page reads again", async () => {
    const { user, queryClient } = await prepare(csvFile(GOOD));
    await user.click(screen.getByRole("button", { name: "内容を確認" }));
    expect(
      await screen.findByRole("heading", { name: "確認結果(まだ保存していません)" }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByText("追加 2件・更新 0件・変更なし 1件")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "ファイルの行と取り込み結果" });
    // Every column of the file, as written, beside what the import reads from it.
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual([
      "行",
      "対象グループ(記録)",
      "cohort_label(ファイル)",
      "日付",
      "済んだ人数(累計)",
      "状況",
      "note_ja(ファイル)",
      "note_en(ファイル)",
      "記録するメモ",
      "結果",
    ]);
    expect(within(table).getAllByRole("row").slice(1).map(cells)).toEqual([
      [
        "2",
        "二重請求された加入者への返金coh-3-refund",
        "返金",
        "2025年9月10日",
        "1名",
        "—",
        "1名に返金",
        "(空欄)",
        "1名に返金日本語・英語の両方に記録",
        "追加",
      ],
      [
        "3",
        "二重請求された加入者への返金coh-3-refund",
        "返金",
        "2025年9月20日",
        "3名",
        "完了(委託先報告)",
        "(空欄)",
        "(空欄)",
        "なし",
        "追加",
      ],
      [
        "4",
        "請求エラーとなった加入者(再請求)coh-2-failed",
        "再請求",
        "2025年8月15日",
        "6名",
        "—",
        "(空欄)",
        "(空欄)",
        "なし",
        "変更なし",
      ],
    ]);
    expect(mockStore.data).toBe(mockStore.initial);

    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await user.click(screen.getByRole("button", { name: "この内容で取り込む" }));
    expect(await screen.findByRole("heading", { name: "取り込みました" }, SLOW)).toHaveFocus();
    expect(invalidate).toHaveBeenCalledWith();
    const refund = mockStore.data.cohorts.find((c) => c.id === "coh-3-refund");
    expect(refund?.status).toBe("completed");
    expect(refund?.progress.map((e) => e.source.documentId)).toEqual(["doc-5", "doc-5"]);
    expect(mockStore.audit.map((e) => [e.action, e.entityId])).toEqual([["importProgress", "coh-3-refund"]]);

    // The same file again: nothing to change, nothing to import.
    await user.click(screen.getByRole("button", { name: "別のファイルを取り込む" }));
    await user.upload(screen.getByLabelText("ファイル(CSV または JSON)"), csvFile(GOOD));
    await user.click(screen.getByRole("button", { name: "内容を確認" }));
    expect(await screen.findByText("追加 0件・更新 0件・変更なし 3件", {}, SLOW)).toBeInTheDocument();
    expect(
      screen.getByText("すべての行がすでに記録されています。取り込んでも何も変わりません。"),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "この内容で取り込む" })).not.toBeInTheDocument();
  });

  it("reads a JSON file as JSON and numbers its items", async () => {
    const json = JSON.stringify([{ cohort_id: "coh-3-refund", date: "2025-09-10", done_count: null }]);
    const { user } = await prepare(new File([json], "report.json", { type: "application/json" }));
    expect(screen.getByRole("radio", { name: "JSON" })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "内容を確認" }));
    const table = await screen.findByRole("table", { name: "ファイルの行と取り込み結果" }, SLOW);
    expect(within(table).getAllByRole("columnheader")[0]).toHaveTextContent("項目番号");
    // No count in the report: 未報告, never 0.
    expect(cells(within(table).getAllByRole("row")[1] as HTMLElement)[4]).toBe("未報告");
  });

  it("shows a note split over both note columns, so it is seen before it is stored", async () => {
    // "1名に返金済み, 残りは10月" written without quotes: the second half lands in note_en.
    const text = `${HEADER.join(",")}\ncoh-3-refund,返金,2025-09-10,1,,1名に返金済み, 残りは10月\n`;
    const { user } = await prepare(new File([text], "report.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "内容を確認" }));
    const table = await screen.findByRole("table", { name: "ファイルの行と取り込み結果" }, SLOW);
    const [row] = within(table).getAllByRole("row").slice(1).map(cells);
    expect(row?.slice(6, 9)).toEqual(["1名に返金済み", " 残りは10月", "1名に返金済み"]);
  });

  it("lists every problem of the file at once, a misspelt column included", async () => {
    const text =
      "cohort_id,date,done,cohort_status\nno-such,2025-13-01,1,\ncoh-3-refund,2099-01-01,1,finished\n";
    const { user } = await prepare(new File([text], "report.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "内容を確認" }));
    const table = await screen.findByRole("table", { name: "問題の一覧" }, SLOW);
    expect(
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((r) => cells(r).slice(0, 2)),
    ).toEqual([
      ["1", "done"],
      ["1", "done_count"],
      ["2", "cohort_id"],
      ["2", "date"],
      ["3", "date"],
      ["3", "cohort_status"],
    ]);
  });

  it("makes the template per vendor: only the groups of the incidents the vendor is involved in", async () => {
    downloads.length = 0;
    const user = userEvent.setup();
    renderApp("/import");
    const vendor = await screen.findByLabelText("委託先", {}, SLOW);
    expect(screen.getByText("委託先を選ぶと、テンプレートをダウンロードできます。")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "CSV テンプレートをダウンロード" })).not.toBeInTheDocument();
    // The agency is answerable for the third incident only: its template has that incident's group alone.
    await user.selectOptions(vendor, "partners");
    const groups = await screen.findByRole(
      "table",
      { name: "損保ジャパンパートナーズのテンプレートに入る対象グループ" },
      SLOW,
    );
    expect(
      within(groups)
        .getAllByRole("row")
        .slice(1)
        .map((r) => cells(r).slice(0, 2)),
    ).toEqual([["事故3", "二重請求された加入者への返金coh-3-refund"]]);
    await user.click(screen.getByRole("button", { name: "CSV テンプレートをダウンロード" }));
    expect(downloads.at(-1)?.name).toBe("progress-report-partners.csv");
    expect(downloads.at(-1)?.text).toContain("coh-3-refund");
    expect(downloads.at(-1)?.text).not.toContain("coh-1-letters");
    expect(downloads.at(-1)?.text).not.toContain("coh-2-");
    // The insurer is on every incident's chain: all six groups.
    await user.selectOptions(vendor, "sompo");
    const all = await screen.findByRole(
      "table",
      { name: "損保ジャパンのテンプレートに入る対象グループ" },
      SLOW,
    );
    expect(within(all).getAllByRole("row").slice(1)).toHaveLength(6);
  });

  it("marks a row of another vendor's group in the preview", async () => {
    const user = userEvent.setup();
    renderApp("/import?vendor=partners&document=doc-5");
    const upload = await screen.findByLabelText("ファイル(CSV または JSON)", {}, SLOW);
    await screen.findByRole(
      "table",
      { name: "損保ジャパンパートナーズのテンプレートに入る対象グループ" },
      SLOW,
    );
    await user.upload(upload, csvFile([GOOD[0] as string[], GOOD[2] as string[]]));
    await user.click(screen.getByRole("button", { name: "内容を確認" }));
    const table = await screen.findByRole("table", { name: "ファイルの行と取り込み結果" }, SLOW);
    const rows = within(table).getAllByRole("row").slice(1).map(cells);
    expect(rows[0]?.[1]).not.toContain("選んだ委託先の対象グループではありません");
    expect(rows[1]?.[1]).toContain("選んだ委託先の対象グループではありません");
  });

  it("asks for the report and the file before checking", async () => {
    const user = userEvent.setup();
    renderApp("/import");
    await user.click(await screen.findByRole("button", { name: "内容を確認" }, SLOW));
    expect(
      await screen.findByRole("heading", { name: "報告書(資料)とファイルを選んでください。" }),
    ).toBeInTheDocument();
  });

  it("keeps the chosen report in the address", async () => {
    renderApp("/import?document=doc-4");
    const select = await screen.findByLabelText("この報告書(資料)", {}, SLOW);
    await waitFor(() => expect(select).toHaveValue("doc-4"));
  });

  it("offers the template for download and explains each column", async () => {
    renderApp("/import?vendor=sompo");
    expect(await screen.findByRole("button", { name: "CSV テンプレートをダウンロード" }, SLOW)).toBeEnabled();
    expect(screen.getByRole("button", { name: "JSON テンプレートをダウンロード" })).toBeEnabled();
    const table = screen.getByRole("table", { name: "テンプレートの列" });
    expect(
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((r) => cells(r)[0]),
    ).toEqual(HEADER);
  });

  it("shows a viewer the forbidden page and no link to it", async () => {
    signInMock("viewer");
    renderApp("/import");
    expect(
      await screen.findByRole("heading", { level: 1, name: "この画面を見る権限がありません" }, SLOW),
    ).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "進捗報告の取り込み" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("ファイル(CSV または JSON)")).not.toBeInTheDocument();
  });

  it("shows editors the link in the navigation", async () => {
    // Any page shows the navigation; this one is the documents list (where the reports are registered).
    renderApp("/documents");
    expect(await screen.findByRole("link", { name: "進捗報告の取り込み" }, SLOW)).toHaveAttribute(
      "href",
      "/import",
    );
  });
});
