import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EditRightsProvider } from "@/lib/edit-rights";
import { mockStore } from "@/mocks/handlers";
import { renderWithProviders } from "@/test/render";
import { actionsFor } from "./commitment-actions";
import { CommitmentTracker } from "./commitment-tracker";

// Saving refreshes every query; on a busy machine that takes longer than the default second.
const SLOW = { timeout: 5000 };

const REFUNDS = "二重請求された3名に返金する";

const renderAs = (canEdit: boolean) =>
  renderWithProviders(
    <EditRightsProvider canEdit={canEdit}>
      <CommitmentTracker />
    </EditRightsProvider>,
    { url: "/commitments" },
  );

const card = async () => {
  const heading = await screen.findByRole("heading", { level: 3, name: REFUNDS }, { timeout: 5000 });
  return within(heading.closest("article") as HTMLElement);
};

const stored = () => mockStore.data.commitments.find((c) => c.id === "cmt-3-refunds");

describe("commitment workflow", () => {
  it("offers only the steps the state allows", () => {
    expect(actionsFor("in_progress")).toEqual(["report", "edit"]);
    expect(actionsFor("vendor_reported_done")).toEqual(["verify", "reopen", "report", "edit"]);
    expect(actionsFor("verified")).toEqual(["reopen", "edit"]);
    expect(actionsFor("reopened")).toEqual(["report", "edit"]);
  });

  it("records the vendor's report, then verifies it; then reopens it with a reason shown on the card", async () => {
    const user = userEvent.setup();
    renderAs(true);
    let c = await card();
    expect(c.queryByRole("button", { name: "協会が確認済みにする" })).not.toBeInTheDocument();
    await user.click(c.getByRole("button", { name: "委託先の完了報告を記録" }));
    let form = await screen.findByRole("form", { name: "委託先からの完了報告を記録" });
    await user.type(within(form).getByLabelText(/委託先が完了を報告した日/), "2025-09-30");
    await user.type(
      within(form).getAllByLabelText(/日本語/)[0] as HTMLElement,
      "返金完了報告書(2025年9月30日付)",
    );
    await user.click(within(form).getByRole("button", { name: "完了報告を記録する" }));
    await waitFor(() => expect(stored()?.status).toBe("vendor_reported_done"), SLOW);
    expect(stored()).toMatchObject({
      reportedDoneDate: "2025-09-30",
      evidence: { ja: "返金完了報告書(2025年9月30日付)", en: "返金完了報告書(2025年9月30日付)" },
    });

    c = await card();
    await user.click(await c.findByRole("button", { name: "協会が確認済みにする" }, SLOW));
    form = await screen.findByRole("form", { name: "協会として確認する" });
    const date = within(form).getByLabelText(/協会が確認した日/);
    await user.clear(date);
    await user.type(date, "2025-09-01");
    await user.click(within(form).getByRole("button", { name: "確認済みにする" }));
    // Before the vendor's report: refused by the server, said next to the field, the date kept.
    await waitFor(() => expect(date).toHaveAccessibleDescription(/2025年9月30日\)より前の日付です/), SLOW);
    expect(date).toHaveValue("2025-09-01");
    await user.clear(date);
    await user.type(date, "2025-10-03");
    await user.click(within(form).getByRole("button", { name: "確認済みにする" }));
    await waitFor(
      () => expect(stored()).toMatchObject({ status: "verified", verifiedDate: "2025-10-03" }),
      SLOW,
    );

    c = await card();
    await user.click(await c.findByRole("button", { name: "再開する" }, SLOW));
    form = await screen.findByRole("form", { name: "約束事項を再開する" });
    const reopened = within(form).getByLabelText(/再開した日/);
    await user.clear(reopened);
    await user.type(reopened, "2025-10-10");
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "1名分の返金が確認できない");
    await user.click(within(form).getByRole("button", { name: "再開する" }));
    await waitFor(() => expect(stored()?.status).toBe("reopened"), SLOW);
    c = await card();
    expect(await c.findByText("2025年10月10日に協会が再開", {}, SLOW)).toBeInTheDocument();
    expect(c.getByText("1名分の返金が確認できない")).toBeInTheDocument();
  });

  it("adds a commitment, refusing it first without its vendor and source", async () => {
    const user = userEvent.setup();
    renderAs(true);
    await user.click(await screen.findByRole("button", { name: "約束事項を追加" }));
    const form = await screen.findByRole("form", { name: "約束事項を追加" });
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "再発防止策を文書で報告する");
    await user.click(within(form).getByRole("button", { name: "約束事項を追加する" }));
    const owed = within(form).getByRole("group", { name: /約束した相手/ });
    expect(within(owed).getAllByRole("checkbox")[0]).toHaveFocus();
    expect(owed).toHaveTextContent("入力してください。");
    await user.click(within(owed).getByRole("checkbox", { name: /損害保険ジャパン/ }));
    await user.selectOptions(within(form).getByLabelText(/^出典の資料/), "doc-5");
    await user.click(within(form).getByRole("button", { name: "約束事項を追加する" }));
    await waitFor(() => expect(mockStore.data.commitments).toHaveLength(6), SLOW);
    expect(mockStore.data.commitments.at(-1)).toMatchObject({
      text: { ja: "再発防止策を文書で報告する" },
      owedByIds: ["sompo"],
      status: "open",
    });
  });

  it("shows a viewer no control", async () => {
    renderAs(false);
    const c = await card();
    expect(c.queryByRole("group", { name: "約束事項の記録" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "約束事項を追加" })).not.toBeInTheDocument();
  });
});
