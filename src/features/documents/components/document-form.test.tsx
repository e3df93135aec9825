import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { apiGet, apiSend } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import type { TSourceDocument } from "@/shared/schemas/document";
import { renderApp } from "@/test/render";
import { toDocumentBody, valuesFromDocument } from "./document-form";

// A save runs the contract schema, the mock edit and a navigation: allow for a busy machine.
const SLOW = { timeout: 5000 };

const stored = (id: string) => mockStore.data.documents.find((d) => d.id === id) as TSourceDocument;

/** Enters a whole text at once (typing key by key re-renders the long form on every key). */
const fill = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });

const group = (name: string | RegExp, inside: HTMLElement = document.body) =>
  within(inside).getByRole("group", { name });

const japanese = (name: string | RegExp, inside?: HTMLElement) =>
  within(group(name, inside)).getByLabelText(/^日本語/);

describe("DocumentEditor", () => {
  it("registers a month-dated document from outside the record, with its statements", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/documents/new");
    expect(await screen.findByRole("heading", { level: 1, name: "資料を登録" }, SLOW)).toBeInTheDocument();
    fill(japanese(/^資料番号・略称/), "日経");
    fill(japanese(/^表題/), "損保ジャパンの返金に関する記事");
    await user.selectOptions(screen.getByRole("combobox", { name: /^資料の種類/ }), "press");
    fill(japanese(/^発行者/), "日本経済新聞");
    fireEvent.change(screen.getByLabelText(/^日付/), { target: { value: "2025-10" } });
    await user.click(screen.getByLabelText(/^協会の記録外の資料/));
    await user.click(screen.getByRole("button", { name: "記載を追加" }));
    fill(japanese(/^内容/, group("記載 1")), "返金は10月中に完了する見込み。");

    await user.click(screen.getByRole("button", { name: "登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/doc-6"), SLOW);
    expect(await screen.findByText("保存しました。")).toBeInTheDocument();
    expect(stored("doc-6")).toMatchObject({
      kind: "press",
      issuerIds: [],
      publisher: { ja: "日本経済新聞", en: "日本経済新聞" },
      date: "2025-10",
      outsideRecord: true,
      statements: [{ ja: "返金は10月中に完了する見込み。", en: "返金は10月中に完了する見込み。" }],
      version: 1,
    });
  });

  it("records minutes with the URL where they can be read, and refuses an address that is not http(s)", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/documents/new");
    await screen.findByRole("heading", { level: 1, name: "資料を登録" }, SLOW);
    fill(japanese(/^資料番号・略称/), "議事録");
    fill(japanese(/^表題/), "第2回定例理事会 議事録");
    await user.selectOptions(screen.getByRole("combobox", { name: /^資料の種類/ }), "minutes");
    // Labels never assume the demo's numbering: the hint names no 資料1〜5.
    expect(screen.getByText(/一覧や出典の表示に使う短い名前です/).textContent).not.toMatch(/資料[0-9１-９]/);
    const url = screen.getByLabelText(/^URL/);
    fill(url, "javascript:alert(1)");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    await waitFor(() => expect(url).toHaveAttribute("aria-invalid", "true"), SLOW);
    expect(screen.getByText("https:// または http:// で始まるアドレスを入力してください。")).toHaveClass(
      "field-error",
    );
    expect(mockStore.data.documents.some((d) => d.kind === "minutes")).toBe(false);

    fill(url, "  https://files.example.org/minutes/2.pdf ");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/doc-6"), SLOW);
    expect(stored("doc-6")).toMatchObject({
      kind: "minutes",
      url: "https://files.example.org/minutes/2.pdf",
    });
    // The page links it, in a new tab.
    expect(await screen.findByRole("link", { name: /files\.example\.org/ }, SLOW)).toHaveAttribute(
      "target",
      "_blank",
    );
  });

  it("makes a document undated and leaves an untouched optional publisher empty", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/documents/doc-5/edit");
    expect(
      await screen.findByRole("heading", { level: 1, name: "資料を編集: 資料5" }, SLOW),
    ).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^日付/));
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/documents/doc-5"), SLOW);
    expect(stored("doc-5")).toMatchObject({ date: null, publisher: null, url: null, version: 2 });
  });

  it("shows the server's refusal of a future date next to the date, in English for an English reader", async () => {
    const user = userEvent.setup();
    renderApp("/documents/doc-5/edit", { lang: "en" });
    await screen.findByRole("heading", { level: 1, name: "Edit document: Document 5" }, SLOW);
    const date = screen.getByLabelText(/^Date/);
    fireEvent.change(date, { target: { value: "2999-01-01" } });
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(date).toHaveAttribute("aria-invalid", "true"));
    expect(date).toHaveFocus();
    expect(screen.getByText(/A date in the future \(.*2999\) cannot be recorded\./)).toHaveClass(
      "field-error",
    );
    expect(date).toHaveValue("2999-01-01");
    expect(stored("doc-5").version).toBe(1);
  });

  it("shows both versions when someone else saved first, and can drop the user's change", async () => {
    const user = userEvent.setup();
    renderApp("/documents/doc-5/edit");
    await screen.findByRole("heading", { level: 1, name: "資料を編集: 資料5" }, SLOW);
    const other = await apiGet("getDocument", { params: { documentId: "doc-5" } });
    await apiSend("updateDocument", {
      params: { documentId: "doc-5" },
      body: { ...toDocumentBody(valuesFromDocument(other)), kind: "report", version: other.version },
    });
    await user.selectOptions(screen.getByRole("combobox", { name: /^資料の種類/ }), "apology_letter");
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));

    const panel = await screen.findByRole("region", { name: "他の人がこの記録を先に更新しました" });
    const kindRow = within(panel)
      .getAllByRole("row")
      .find((r) => within(r).queryByRole("rowheader", { name: /^資料の種類/ })) as HTMLElement;
    expect(within(kindRow).getByText("お詫び文書(本人向け)")).toBeInTheDocument();
    expect(within(kindRow).getByText("報告書")).toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: "自分の変更を破棄する" }));
    expect(screen.getByRole("combobox", { name: /^資料の種類/ })).toHaveValue("report");
    expect(stored("doc-5")).toMatchObject({ kind: "report", version: 2 });
  });

  it("offers editors the buttons and shows a viewer none", async () => {
    const editor = renderApp("/documents");
    expect(await screen.findByRole("link", { name: "資料を登録" }, SLOW)).toHaveAttribute(
      "href",
      "/documents/new",
    );
    editor.unmount();

    signInMock("viewer");
    const list = renderApp("/documents");
    await screen.findByRole("heading", { level: 1, name: "資料" }, SLOW);
    await screen.findAllByRole("link", { name: /資料5/ });
    expect(screen.queryByRole("link", { name: "資料を登録" })).not.toBeInTheDocument();
    list.unmount();
    renderApp("/documents/doc-5");
    await screen.findByRole("heading", { level: 1, name: /資料5/ }, SLOW);
    expect(screen.queryByRole("link", { name: "この資料を編集" })).not.toBeInTheDocument();
  });
});
