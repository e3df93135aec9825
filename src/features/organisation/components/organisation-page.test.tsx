import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { renderApp } from "@/test/render";

// A save runs the contract schema, the mock edit and a refetch of every query: allow for a busy machine.
const SLOW = { timeout: 5000 };

const fill = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });
const group = (name: string | RegExp, inside: HTMLElement = document.body) =>
  within(inside).getByRole("group", { name });
const japanese = (name: string | RegExp, inside?: HTMLElement) =>
  within(group(name, inside)).getByLabelText(/^日本語/);
const english = (name: string | RegExp, inside?: HTMLElement) =>
  within(group(name, inside)).getByLabelText(/^English/);
const section = (name: string) => screen.getByRole("region", { name });

const openPage = async (lang: "ja" | "en" = "ja") => {
  signInMock("admin");
  const rendered = renderApp("/admin/organisation", { lang });
  await screen.findByRole("group", { name: lang === "ja" ? /^組織の正式名称/ : /^Full name/ }, SLOW);
  return rendered;
};

describe("Organisation settings (/admin/organisation)", () => {
  it("renames the board, and the header and the navigation say the new name", async () => {
    const user = userEvent.setup();
    await openPage();
    expect(screen.getByRole("heading", { level: 1, name: "組織の設定" })).toBeInTheDocument();
    const board = japanese(/^会議体の名前/);
    expect(board).toHaveValue("理事会");
    fill(board, "運営委員会");
    fill(english(/^会議体の名前/), "Steering committee");
    await user.click(screen.getByRole("button", { name: "設定を保存する" }));

    expect(await screen.findByText("組織の設定を保存しました。", {}, SLOW)).toBeInTheDocument();
    expect(mockStore.data.organisation).toMatchObject({
      boardName: { ja: "運営委員会", en: "Steering committee" },
      version: 2,
    });
    // Every {board} of the pages follows: the header, the navigation's meetings link.
    expect(await screen.findByText("協会 運営委員会", {}, SLOW)).toHaveClass("app-org");
    const nav = screen.getByRole("navigation", { name: "メインメニュー" });
    expect(within(nav).getByRole("link", { name: "運営委員会" })).toHaveAttribute("href", "/meetings");
    expect(screen.getByText("第2版")).toBeInTheDocument();
  });

  it("adds a population with whose people they are, and a vendor kind", async () => {
    const user = userEvent.setup();
    await openPage();
    await user.click(screen.getByRole("button", { name: "呼び方を追加" }));
    const added = group(/^対象者の呼び方 2/);
    expect(within(added).getByText("新規")).toBeInTheDocument();
    fill(japanese(/^呼び方/, added), "顧客");
    fill(english(/^呼び方/, added), "customers");
    fill(japanese(/^誰の人々か/, added), "甲社");
    await user.click(screen.getByRole("button", { name: "種類を追加" }));
    fill(japanese(/^種類の名前/, group(/^委託先の種類 8/)), "配送業者");
    await user.click(screen.getByRole("button", { name: "設定を保存する" }));

    await screen.findByText("組織の設定を保存しました。", {}, SLOW);
    expect(mockStore.data.organisation.populations).toEqual([
      { id: "members", name: { ja: "会員", en: "members" }, ofWhom: null },
      { id: "population-2", name: { ja: "顧客", en: "customers" }, ofWhom: { ja: "甲社", en: "甲社" } },
    ]);
    expect(mockStore.data.organisation.vendorKinds.at(-1)).toEqual({
      id: "kind-8",
      name: { ja: "配送業者", en: "配送業者" },
    });
  });

  it("says next to an entry the record still uses that it cannot be removed, and keeps it on request", async () => {
    const user = userEvent.setup();
    await openPage();
    await user.click(screen.getByRole("button", { name: "保険代理店を削除" }));
    const kinds = section("委託先の種類");
    expect(within(kinds).getByText("保存すると削除されます", { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "設定を保存する" }));

    // The vendors still include an agency: the server refuses, and says so at that entry.
    const entry = (
      await within(kinds).findByText(/記録の中で使われているため削除できません/, {}, SLOW)
    ).closest("li") as HTMLElement;
    expect(entry).toHaveTextContent("保険代理店");
    expect(mockStore.data.organisation.version).toBe(1);
    await user.click(within(entry).getByRole("button", { name: "保険代理店の削除を取り消す" }));
    expect(within(kinds).queryByText(/記録の中で使われているため/)).not.toBeInTheDocument();
    expect(japanese(/^種類の名前/, group(/^委託先の種類 2/))).toHaveValue("保険代理店");

    // A kind nobody uses goes.
    await user.click(screen.getByRole("button", { name: "コールセンターを削除" }));
    await user.click(screen.getByRole("button", { name: "設定を保存する" }));
    await screen.findByText("組織の設定を保存しました。", {}, SLOW);
    expect(mockStore.data.organisation.vendorKinds.map((k) => k.id)).not.toContain("call-centre");
    expect(mockStore.data.organisation.vendorKinds.map((k) => k.id)).toContain("agency");
  });

  it("refuses a blank name next to its field, and a list left empty next to the list", async () => {
    const user = userEvent.setup();
    await openPage();
    fill(japanese(/^組織の正式名称/), "");
    await user.click(screen.getByRole("button", { name: "会員を削除" }));
    await user.click(screen.getByRole("button", { name: "設定を保存する" }));
    const name = japanese(/^組織の正式名称/);
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(within(group(/^組織の正式名称/)).getByText("入力してください。")).toBeInTheDocument();
    expect(within(section("対象者の呼び方")).getByText(/呼び方が1つもありません/)).toBeInTheDocument();
    expect(name).toHaveFocus();
    expect(mockStore.data.organisation.version).toBe(1);
  });

  it("says what the legal form decides, and follows the choice", async () => {
    const user = userEvent.setup();
    await openPage();
    const rules = section("年度と法人形態");
    expect(rules).toHaveTextContent("理事会への職務執行の報告(3か月に1回以上)の期限を数えます");
    expect(rules).toHaveTextContent("一般社団法人及び一般財団法人に関する法律91条2項");
    await user.selectOptions(within(rules).getByLabelText(/^法人形態/), "stock_company");
    expect(rules).toHaveTextContent("会社法");
    await user.selectOptions(within(rules).getByLabelText(/^法人形態/), "npo");
    expect(rules).toHaveTextContent("定期報告の間隔を定めた規定がないため、その期限は数えません");
    expect(within(rules).getByLabelText(/^年度の始まる月/)).toHaveValue("4");
  });

  it("shows both versions when someone saved in between, and re-applies only the user's change", async () => {
    const user = userEvent.setup();
    await openPage();
    fill(japanese(/^略称/), "当会");
    // Another administrator renames the board meanwhile.
    mockStore.data = {
      ...mockStore.data,
      organisation: {
        ...mockStore.data.organisation,
        boardName: { ja: "取締役会", en: "Board of directors" },
        version: 2,
      },
    };
    await user.click(screen.getByRole("button", { name: "設定を保存する" }));
    const panel = await screen.findByRole("heading", { name: "他の人がこの記録を先に更新しました" }, SLOW);
    expect(panel).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));
    await screen.findByText("組織の設定を保存しました。", {}, SLOW);
    expect(mockStore.data.organisation).toMatchObject({
      shortName: { ja: "当会" },
      boardName: { ja: "取締役会" },
      version: 3,
    });
  });

  it("is for administrators: an editor gets the refusal page", async () => {
    signInMock("editor");
    renderApp("/admin/organisation");
    expect(
      await screen.findByRole("heading", { level: 1, name: "この画面を見る権限がありません" }, SLOW),
    ).toBeInTheDocument();
  });

  it("reads in English too", async () => {
    await openPage("en");
    expect(screen.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeInTheDocument();
    expect(section("Fiscal year and legal form")).toHaveTextContent(
      "For this legal form the dashboard counts the report",
    );
    expect(screen.getByRole("button", { name: "Remove members" })).toBeInTheDocument();
  });
});
