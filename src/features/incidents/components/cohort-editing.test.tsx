import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { EditRightsProvider } from "@/lib/edit-rights";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { renderWithProviders } from "@/test/render";
import { IncidentRemediation } from "./incident-remediation";

// Saving refreshes every query; on a busy machine that takes longer than the default second.
const SLOW = { timeout: 5000 };

const renderAs = (canEdit: boolean) =>
  renderWithProviders(
    <EditRightsProvider canEdit={canEdit}>
      <IncidentRemediation incidentId="inc-3" />
    </EditRightsProvider>,
  );

const refundCard = async () => {
  const heading = await screen.findByRole("heading", { name: "二重請求された加入者への返金" });
  return heading.closest("article") as HTMLElement;
};

describe("remediation editing", () => {
  it("records the 3 double-billing refunds as completed, with date and evidence", async () => {
    const user = userEvent.setup();
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = await screen.findByRole("form", { name: /進捗を記録: 二重請求/ });
    await user.click(within(form).getByRole("button", { name: "対象者全員(3名)の完了として入力" }));
    await user.type(within(form).getByLabelText(/報告の日付/), "2025-09-30");
    await user.selectOptions(within(form).getByLabelText(/出典の資料/), "doc-5");
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "返金完了の報告を受領");
    await user.click(within(form).getByRole("button", { name: "進捗を記録する" }));
    await waitFor(
      () => expect(screen.queryByRole("form", { name: /進捗を記録/ })).not.toBeInTheDocument(),
      SLOW,
    );
    expect(await screen.findByRole("status", {}, SLOW)).toHaveTextContent("保存しました。");
    const stored = mockStore.data.cohorts.find((c) => c.id === "coh-3-refund");
    expect(stored?.status).toBe("completed");
    expect(stored?.version).toBe(2);
    expect(stored?.progress).toEqual([
      expect.objectContaining({
        date: "2025-09-30",
        doneCount: { status: "reported", value: 3, source: { documentId: "doc-5", cites: [] } },
        note: { ja: "返金完了の報告を受領", en: "返金完了の報告を受領" },
        source: { documentId: "doc-5", cites: [] },
      }),
    ]);
    // The page reads the record again: the new entry and the new status are on screen.
    const updated = await refundCard();
    await within(updated).findByRole("table", { name: /進捗/ }, SLOW);
    expect(within(updated).getByText("完了(委託先報告)")).toBeInTheDocument();
    expect(mockStore.audit.at(-1)).toMatchObject({ entityType: "cohort", entityId: "coh-3-refund" });
  });

  it("shows the server's refusal next to the field and keeps what was typed", async () => {
    const user = userEvent.setup();
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = await screen.findByRole("form", { name: /進捗を記録/ });
    await user.type(within(form).getByRole("textbox", { name: /^数値/ }), "5");
    await user.type(within(form).getByLabelText(/報告の日付/), "2025-09-30");
    await user.selectOptions(within(form).getByLabelText(/出典の資料/), "doc-5");
    await user.click(within(form).getByRole("button", { name: "進捗を記録する" }));
    const count = within(form).getByRole("textbox", { name: /^数値/ });
    await waitFor(() => expect(count).toHaveAttribute("aria-invalid", "true"), SLOW);
    expect(count).toHaveAccessibleDescription(/対象者数\(3名\)を超えています/);
    expect(count).toHaveValue("5");
    expect(count).toHaveFocus();
    expect(mockStore.data.cohorts.find((c) => c.id === "coh-3-refund")?.progress).toEqual([]);
  });

  it("refuses in the browser what the schema refuses: no date, no source", async () => {
    const user = userEvent.setup();
    let posted = false;
    server.use(
      http.post(`*${contract.addProgressEvent.path}`, () => {
        posted = true;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = await screen.findByRole("form", { name: /進捗を記録/ });
    await user.click(within(form).getByRole("button", { name: "進捗を記録する" }));
    expect(within(form).getByLabelText(/報告の日付/)).toHaveFocus();
    expect(within(form).getByLabelText(/出典の資料/)).toHaveAccessibleDescription(/入力してください/);
    expect(within(form).getByRole("textbox", { name: /^数値/ })).toHaveAccessibleDescription(
      /入力してください/,
    );
    expect(posted).toBe(false);
  });

  it("offers the conflict panel when someone recorded first, and re-applies", async () => {
    const user = userEvent.setup();
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "グループを編集" }));
    const form = await screen.findByRole("form", { name: /グループを編集/ });
    // Another editor changes the cohort meanwhile (version 1 → 2).
    const other = mockStore.data.cohorts.find((c) => c.id === "coh-3-refund");
    if (!other) throw new Error("seed changed");
    mockStore.data = {
      ...mockStore.data,
      cohorts: mockStore.data.cohorts.map((c) =>
        c.id === other.id ? { ...c, status: "not_reported", version: 2 } : c,
      ),
    };
    const ja = within(form).getAllByLabelText(/日本語/)[0] as HTMLElement;
    await user.clear(ja);
    await user.type(ja, "二重請求の返金");
    await user.click(within(form).getByRole("button", { name: "変更を保存する" }));
    const panel = await screen.findByRole("region", { name: "他の人がこの記録を先に更新しました" }, SLOW);
    expect(within(panel).getByRole("row", { name: /グループの名称/ })).toHaveClass("conflict-changed");
    expect(within(panel).getByRole("row", { name: /^状態(?!の出典)/ })).toHaveTextContent(/対応中.*未報告/);
    await user.click(within(panel).getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));
    await waitFor(
      () =>
        expect(mockStore.data.cohorts.find((c) => c.id === "coh-3-refund")).toMatchObject({
          version: 3,
          label: { ja: "二重請求の返金" },
          // The other editor's change to another field is kept, not overwritten by this user's old value.
          status: "not_reported",
        }),
      SLOW,
    );
  });

  it("shows no edit control to a viewer", async () => {
    renderAs(false);
    const card = await refundCard();
    expect(within(card).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "対象グループを追加" })).not.toBeInTheDocument();
  });
});
