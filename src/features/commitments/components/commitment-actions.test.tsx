import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EditRightsProvider } from "@/lib/edit-rights";
import { mockStore } from "@/mocks/handlers";
import { case2025 } from "@/shared/seed/case-2025";
import { speakFor } from "@/test/backdated-meeting-record";
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

// Rendered alone, the page speaks the demo organisation's words, as the app shell would make it.
beforeEach(() => speakFor(case2025));

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
    expect(c.queryByRole("button", { name: "協会として確認済みにする" })).not.toBeInTheDocument();
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
    await user.click(await c.findByRole("button", { name: "協会として確認済みにする" }, SLOW));
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
    // Verified before: reopening withdraws the verification, and says so.
    form = await screen.findByRole("form", { name: "確認済みを取り消して、再開する" });
    const reopened = within(form).getByLabelText(/再開した日/);
    await user.clear(reopened);
    await user.type(reopened, "2025-10-10");
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "1名分の返金が確認できない");
    await user.click(within(form).getByRole("button", { name: "再開する" }));
    await waitFor(() => expect(stored()?.status).toBe("reopened"), SLOW);
    c = await card();
    // The dated history: reported, verified, then the verification withdrawn, with the reason.
    const history = await c.findByRole("region", { name: "経過" }, SLOW);
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "2025年9月30日 委託先が完了を報告根拠:返金完了報告書(2025年9月30日付)",
      "2025年10月3日 協会が確認",
      "2025年10月10日 協会の確認を取り消して再開理由:1名分の返金が確認できない",
    ]);
    expect(c.getByText("協会が確認済みとした後に、再開しました。")).toBeInTheDocument();
  });

  it("says a reopened commitment was not accepted when it was only reported done, never that it was verified", async () => {
    const user = userEvent.setup();
    renderAs(true);
    let c = await card();
    await user.click(c.getByRole("button", { name: "委託先の完了報告を記録" }));
    let form = await screen.findByRole("form", { name: "委託先からの完了報告を記録" });
    await user.type(within(form).getByLabelText(/委託先が完了を報告した日/), "2025-09-30");
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "返金完了の報告");
    await user.click(within(form).getByRole("button", { name: "完了報告を記録する" }));
    await waitFor(() => expect(stored()?.status).toBe("vendor_reported_done"), SLOW);
    c = await card();
    await user.click(await c.findByRole("button", { name: "再開する" }, SLOW));
    form = await screen.findByRole("form", { name: "委託先の完了報告を受け入れず、再開する" });
    const reopened = within(form).getByLabelText(/再開した日/);
    await user.clear(reopened);
    await user.type(reopened, "2025-10-02");
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "返金の証跡がない");
    await user.click(within(form).getByRole("button", { name: "再開する" }));
    await waitFor(() => expect(stored()?.status).toBe("reopened"), SLOW);
    c = await card();
    expect(
      await c.findByText("委託先の完了報告を協会が受け入れず、再開しました。", {}, SLOW),
    ).toBeInTheDocument();
    expect(c.getByText("委託先の完了報告を受け入れず再開")).toBeInTheDocument();
    expect(c.queryByText(/確認後|確認を取り消/)).not.toBeInTheDocument();
  });

  it("adds a commitment, refusing it first without its vendor and source", async () => {
    const user = userEvent.setup();
    renderAs(true);
    await user.click(await screen.findByRole("button", { name: "約束・要求を追加" }));
    const form = await screen.findByRole("form", { name: "約束・要求を追加" });
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "再発防止策を文書で報告する");
    await user.click(within(form).getByRole("button", { name: "約束・要求を追加する" }));
    const owed = within(form).getByRole("group", { name: /履行する委託先/ });
    expect(within(owed).getAllByRole("checkbox")[0]).toHaveFocus();
    expect(owed).toHaveTextContent("入力してください。");
    await user.click(within(owed).getByRole("checkbox", { name: /損害保険ジャパン/ }));
    await user.selectOptions(within(form).getByLabelText(/^出典の資料/), "doc-5");
    await user.click(within(form).getByRole("button", { name: "約束・要求を追加する" }));
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
    expect(c.queryByRole("group", { name: "約束・要求の記録" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "約束・要求を追加" })).not.toBeInTheDocument();
  });
});
