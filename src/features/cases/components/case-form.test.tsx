import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { ZCaseUpdate } from "@/shared/schemas/edit";
import { renderApp } from "@/test/render";
import { toCaseBody, valuesFromCase } from "./case-form";

const SLOW = { timeout: 5000 };

const fill = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });
const group = (name: string | RegExp) => screen.getByRole("group", { name });
const japanese = (name: string | RegExp) => within(group(name)).getByLabelText(/^日本語/);
const theCase = (id: string) => mockStore.data.cases.find((c) => c.id === id);

describe("Case form (/cases/new, /cases/:caseId/edit)", () => {
  it("adds a case and opens its page", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/cases/new");
    expect(await screen.findByRole("heading", { level: 1, name: "事案を登録" }, SLOW)).toBeInTheDocument();
    fill(japanese(/^事案の名前/), "印刷委託先のランサムウェア被害");
    await user.click(screen.getByRole("button", { name: "事案を登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/cases/case-1"), SLOW);
    expect(await screen.findByText("保存しました。", {}, SLOW)).toBeInTheDocument();
    expect(theCase("case-1")).toEqual({
      id: "case-1",
      title: { ja: "印刷委託先のランサムウェア被害", en: "印刷委託先のランサムウェア被害" },
      summary: null,
      status: "open",
      version: 1,
    });
  });

  it("says a missing title next to the field and sends nothing", async () => {
    const user = userEvent.setup();
    renderApp("/cases/new");
    await screen.findByRole("heading", { level: 1, name: "事案を登録" }, SLOW);
    await user.click(screen.getByRole("button", { name: "事案を登録する" }));
    const title = japanese(/^事案の名前/);
    await waitFor(() => expect(title).toHaveAttribute("aria-invalid", "true"));
    expect(within(group(/^事案の名前/)).getAllByText("入力してください。")[0]).toBeVisible();
    expect(mockStore.data.cases).toHaveLength(1);
  });

  it("closes a case at the version read, and shows both versions after someone else's save", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/cases/case-2025-insurance/edit");
    await screen.findByRole("heading", { level: 1, name: /^事案を編集/ }, SLOW);
    await user.click(within(group(/^状態/)).getByLabelText("終結"));
    // Someone else edits the summary meanwhile.
    const current = mockStore.data.cases[0];
    if (!current) throw new Error("the demo case is missing");
    mockStore.data = {
      ...mockStore.data,
      cases: [{ ...current, summary: { ja: "別の人の概要", en: "Someone else's summary" }, version: 2 }],
    };
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));
    expect(
      await screen.findByRole("heading", { name: "他の人がこの記録を先に更新しました" }, SLOW),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/cases/case-2025-insurance"), SLOW);
    expect(theCase("case-2025-insurance")).toMatchObject({
      status: "closed",
      summary: { ja: "別の人の概要" },
      version: 3,
    });
  });

  it("is for editors: a viewer gets the refusal page", async () => {
    signInMock("viewer");
    renderApp("/cases/new");
    expect(
      await screen.findByRole("heading", { level: 1, name: "この画面を見る権限がありません" }, SLOW),
    ).toBeInTheDocument();
  });

  it("sends a blank summary as none, and what it read back as it was", () => {
    const first = mockStore.data.cases[0];
    if (!first) throw new Error("the demo case is missing");
    const stored = { ...first, version: 4 };
    const body = toCaseBody(valuesFromCase(stored));
    const { id: _id, ...rest } = stored;
    expect(body).toEqual(rest);
    expect(ZCaseUpdate.safeParse(body).success).toBe(true);
    expect(toCaseBody({ ...valuesFromCase(stored), summary: { ja: " ", en: "" } }).summary).toBeNull();
  });
});
