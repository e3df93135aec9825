import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { apiSend } from "@/lib/api-client";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderApp } from "@/test/render";

const MEETING = "mtg-2025-03";
const NOTICE = { documentId: "notice", cites: [] };

describe("MeetingSnapshotView", () => {
  it("shows what the board was shown, as frozen at closing, even after the record changed", async () => {
    await apiSend("closeMeeting", { params: { meetingId: MEETING }, body: { version: 1 } });
    await apiSend("addProgressEvent", {
      params: { cohortId: "coh-3-refund" },
      body: {
        version: 1,
        date: "2025-09-20",
        doneCount: { status: "reported", value: 3, source: NOTICE },
        note: null,
        source: NOTICE,
        cohortStatus: "completed",
      },
    });

    renderApp(`/meetings/${MEETING}/snapshot`);
    expect(
      await screen.findByRole("heading", { level: 1, name: "2025年度第3回定例理事会:理事会で示した数値" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^開催日 2025年8月23日 時点の記録と数値です/)).toBeInTheDocument();
    expect(screen.getByText(/Demo editorが会議を締めた時に凍結しました/)).toBeInTheDocument();

    const figures = screen.getByRole("region", { name: "主要な数値" });
    // At the meeting the 3 double-billed members' refunds were not reported done.
    const financial = within(figures)
      .getByText("金銭の是正(会員):済み / 対象")
      .closest(".tile") as HTMLElement;
    expect(financial).toHaveTextContent("うち未報告 3名");
    const affected = within(figures).getByRole("table");
    expect(within(affected).getByRole("link", { name: /事故1/ })).toHaveAttribute("href", "/incidents/inc-1");

    expect(screen.getByRole("region", { name: "期限の状況" })).toBeInTheDocument();
    expect(screen.getByText(/日数の数え方/)).toBeInTheDocument();
  });

  it("says the meeting is not closed yet instead of showing live figures as frozen", async () => {
    renderApp(`/meetings/${MEETING}/snapshot`);
    expect(
      await screen.findByRole("heading", { name: "この会議はまだ締められていません" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← この会議のページに戻る" })).toHaveAttribute(
      "href",
      `/meetings/${MEETING}`,
    );
  });

  it("offers a retry when the snapshot cannot be loaded", async () => {
    await apiSend("closeMeeting", { params: { meetingId: MEETING }, body: { version: 1 } });
    server.use(
      http.get(`*${contract.getMeetingSnapshot.path}`, () =>
        HttpResponse.json(problem(500, "The server could not answer this request."), { status: 500 }),
      ),
    );
    renderApp(`/meetings/${MEETING}/snapshot`);
    expect(await screen.findByRole("button", { name: "再試行" })).toBeInTheDocument();
  });
});
