import { screen, within } from "@testing-library/react";
import { apiSend } from "@/lib/api-client";
import { mockStore } from "@/mocks/handlers";
import type { TMeeting } from "@/shared/schemas/meeting";
import { renderApp } from "@/test/render";

/*
 * "Changed since the previous meeting": frozen snapshots when both meetings are closed (later edits do
 * not move them), today's record when not (and the page says so).
 */

const FIRST = "mtg-2025-03";
const SLOW = { timeout: 5000 };
const NOTICE = { documentId: "notice", cites: [] };

const recordRefunds = () =>
  apiSend("addProgressEvent", {
    params: { cohortId: "coh-3-refund" },
    body: {
      version: 1,
      date: "2025-09-20",
      doneCount: { status: "reported", value: 3, source: NOTICE },
      note: { ja: "返金完了の報告", en: "Refunds reported complete" },
      source: NOTICE,
      cohortStatus: "completed",
    },
  });

const createSecondMeeting = async () => {
  const first = mockStore.data.meetings.find((m) => m.id === FIRST) as TMeeting;
  const saved = await apiSend("createMeeting", {
    body: {
      fiscalYear: 2025,
      number: 4,
      kind: "regular",
      title: { ja: "2025年度第4回定例理事会", en: "4th regular board meeting, FY2025" },
      date: "2025-09-27",
      items: [],
      vendorAttendees: [],
      resolutions: [],
      source: first.source,
    },
  });
  return saved.id;
};

const rowOf = (table: HTMLElement, label: string) => {
  const row = within(table)
    .getAllByRole("row")
    .find((r) => r.querySelector("td")?.textContent === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
};

describe("Changed since the previous meeting", () => {
  it("compares the frozen figures of two closed meetings, unmoved by later edits", async () => {
    await apiSend("closeMeeting", { params: { meetingId: FIRST }, body: { version: 1 } });
    await recordRefunds();
    const second = await createSecondMeeting();
    await apiSend("closeMeeting", { params: { meetingId: second }, body: { version: 1 } });
    // After both closed: the vendor reports a demand done. Today's record changes, the frozen figures not.
    await apiSend("reportCommitmentDone", {
      params: { commitmentId: "cmt-board-prevention" },
      body: { version: 1, reportedDoneDate: "2025-10-01", evidence: { ja: "報告書", en: "Report" } },
    });

    renderApp(`/meetings/${second}`);
    const figures = await screen.findByTestId("changes-figures", {}, SLOW);
    expect(figures).toHaveTextContent("前回とこの会議はどちらも締められているため");
    const table = within(figures).getByRole("table");
    expect(within(table).getByText("前回 2025年8月23日(理事会で示した数値(凍結))")).toBeInTheDocument();
    expect(within(table).getByText("この会議 2025年9月27日(理事会で示した数値(凍結))")).toBeInTheDocument();

    const financial = rowOf(table, "金銭の是正(会員):済み / 対象");
    const [, before, now, change] = within(financial).getAllByRole("cell");
    expect(before).toHaveTextContent("うち未報告 3名");
    expect(now).not.toHaveTextContent("未報告");
    expect(change).toHaveTextContent("+3名");

    const open = rowOf(table, "約束・要求:未完了");
    // The refund commitment was made after the first meeting (2025-09-05): one more open at the second.
    expect(within(open).getAllByRole("cell")[3]).toHaveTextContent("+1");
    const frozenOpen = mockStore.snapshots.get(second)?.overview.commitments.open;
    expect(within(open).getAllByRole("cell")[2]).toHaveTextContent(String(frozenOpen));

    // The dated records of the period come from the second meeting's frozen record.
    expect(screen.getByText(/この会議を締めた時に凍結した記録/)).toBeInTheDocument();
    expect(await screen.findByRole("cell", { name: /返金完了の報告/ })).toBeInTheDocument();
  });

  it("uses today's record for a meeting that is not closed, and says so", async () => {
    renderApp(`/meetings/${FIRST}`);
    const figures = await screen.findByTestId("changes-figures", {}, SLOW);
    expect(
      within(figures).getByText("現在の記録から開催日時点で算出", { selector: ".live-tag" }),
    ).toBeInTheDocument();
    expect(figures).toHaveTextContent(
      "締められていない会議の数値は、現在の記録を開催日(2025年8月23日)時点に戻して",
    );
    expect(
      within(figures).getByText("この会議 2025年8月23日(現在の記録から開催日時点で算出)"),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/この会議は締められていないため、現在の記録を開催日時点に戻して/),
    ).toBeInTheDocument();
  });
});
