import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderApp } from "@/test/render";

const MEETING = "mtg-2025-03";
const SLOW = { timeout: 5000 };

describe("Closing a meeting", () => {
  it("explains what closing does, then freezes the figures and shows who closed it", async () => {
    const user = userEvent.setup();
    renderApp(`/meetings/${MEETING}`);
    await user.click(await screen.findByRole("button", { name: "会議を締める" }, SLOW));

    const confirm = screen.getByTestId("close-confirm");
    expect(within(confirm).getByRole("heading", { level: 2 })).toHaveFocus();
    expect(confirm).toHaveTextContent("開催日 2025年8月23日 時点の概要と期限の状況");
    expect(confirm).toHaveTextContent(
      "開催日(2025年8月23日)より後の日付の記録は、すでに記録にあっても含めません",
    );
    expect(confirm).toHaveTextContent("編集できません");
    expect(confirm).toHaveTextContent("元に戻すことはできません");

    await user.click(within(confirm).getByRole("button", { name: "締める(凍結する)" }));

    const badge = await screen.findByTestId("closed-badge");
    expect(badge).toHaveTextContent("締め済み");
    expect(badge).toHaveTextContent("Demo editorが締めました");
    expect(within(badge).getByRole("link", { name: "理事会で示した数値(凍結)を見る" })).toHaveAttribute(
      "href",
      `/meetings/${MEETING}/snapshot`,
    );
    expect(screen.getByText(/この会議を締めました/)).toBeInTheDocument();
    // No more edit or close controls on a closed meeting.
    expect(screen.queryByRole("button", { name: "会議を締める" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "編集" })).not.toBeInTheDocument();
    expect(mockStore.snapshots.get(MEETING)?.asOf).toBe("2025-08-23");
    // The comparison now reads the frozen figures.
    const changes = await screen.findByTestId("changes-figures", {}, SLOW);
    expect(
      within(changes).getByText("理事会で示した数値(凍結)", { selector: ".frozen-tag" }),
    ).toBeInTheDocument();
  });

  it("does nothing when the user changes their mind", async () => {
    const user = userEvent.setup();
    renderApp(`/meetings/${MEETING}`);
    await user.click(await screen.findByRole("button", { name: "会議を締める" }, SLOW));
    await user.click(screen.getByRole("button", { name: "やめる" }));
    expect(screen.queryByTestId("close-confirm")).not.toBeInTheDocument();
    expect(mockStore.data.meetings[0]?.closed).toBeNull();
  });

  it("says why in words when the server refuses (already closed elsewhere)", async () => {
    const user = userEvent.setup();
    server.use(
      http.post(`*${contract.closeMeeting.path}`, () =>
        HttpResponse.json(
          problem(409, "The meeting is closed: what the board was shown is frozen.", [
            { in: "body", field: "", code: "meeting_closed", message: "closed" },
          ]),
          { status: 409, headers: { "content-type": "application/problem+json" } },
        ),
      ),
    );
    renderApp(`/meetings/${MEETING}`);
    await user.click(await screen.findByRole("button", { name: "会議を締める" }, SLOW));
    await user.click(screen.getByRole("button", { name: "締める(凍結する)" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("締め切られているため");
  });

  it("asks the user to look again when someone changed the meeting meanwhile (stale version)", async () => {
    const user = userEvent.setup();
    renderApp(`/meetings/${MEETING}`);
    await user.click(await screen.findByRole("button", { name: "会議を締める" }, SLOW));
    // Another editor saves the meeting: the page still holds version 1.
    const meeting = mockStore.data.meetings[0];
    if (!meeting) throw new Error("no meeting");
    mockStore.data = { ...mockStore.data, meetings: [{ ...meeting, number: 9, version: 2 }] };
    await user.click(screen.getByRole("button", { name: "締める(凍結する)" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("他の人が変更しました");
    expect(mockStore.data.meetings[0]?.closed).toBeNull();
    // The page now shows the current version: closing again works.
    await waitFor(() => expect(screen.getByRole("alert")).toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "締める(凍結する)" }));
    expect(await screen.findByTestId("closed-badge")).toBeInTheDocument();
    expect(mockStore.data.meetings[0]?.version).toBe(3);
  });

  it("offers viewers no way to edit or close", async () => {
    signInMock("viewer");
    renderApp(`/meetings/${MEETING}`);
    expect(
      await screen.findByRole("heading", { level: 1, name: "2025年度第3回定例理事会" }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "会議を締める" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "編集" })).not.toBeInTheDocument();
  });

  it("offers editors, and only them, a way to record a new meeting", async () => {
    const { unmount } = renderApp("/meetings");
    expect(await screen.findByRole("link", { name: "理事会を記録する" })).toHaveAttribute(
      "href",
      "/meetings/new",
    );
    unmount();
    signInMock("viewer");
    renderApp("/meetings");
    await screen.findByRole("heading", { level: 1, name: "理事会" });
    await screen.findByRole("table");
    expect(screen.queryByRole("link", { name: "理事会を記録する" })).not.toBeInTheDocument();
  });
});
