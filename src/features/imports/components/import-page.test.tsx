import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { writeCsv } from "@/shared/csv";
import { renderApp } from "@/test/render";

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
    expect(screen.queryByRole("button", { name: "この内容で取り込む" })).not.toBeInTheDocument();
    expect(mockStore.data).toBe(mockStore.initial);
    expect(mockStore.audit).toEqual([]);
  });

  it("says the problems in English for an English reader", async () => {
    const { user } = await prepare(csvFile(BAD), "en");
    await user.click(screen.getByRole("button", { name: "Check the file" }));
    const table = await screen.findByRole("table", { name: "Problems" }, SLOW);
    expect(within(table).getAllByRole("row").slice(1).map(cells)).toEqual([
      ["2", "done_count", "More than the group's 3 members"],
      ["3", "cohort_id", "There is no group with the id “no-such-cohort”"],
      ["3", "done_count", "“x” is not a number of members (a whole number, 0 or more)"],
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
    expect(within(table).getAllByRole("row").slice(1).map(cells)).toEqual([
      ["2", "二重請求された加入者への返金coh-3-refund", "2025年9月10日", "1名", "—", "追加"],
      ["3", "二重請求された加入者への返金coh-3-refund", "2025年9月20日", "3名", "完了(委託先報告)", "追加"],
      ["4", "請求エラーとなった加入者(再請求)coh-2-failed", "2025年8月15日", "6名", "—", "変更なし"],
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
    expect(cells(within(table).getAllByRole("row")[1] as HTMLElement)[3]).toBe("未報告");
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
    renderApp("/import");
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
    renderApp("/");
    expect(await screen.findByRole("link", { name: "進捗報告の取り込み" }, SLOW)).toHaveAttribute(
      "href",
      "/import",
    );
  });
});
