import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { apiSend } from "@/lib/api-client";
import { backdatedRecord, serveRecord } from "@/test/backdated-meeting-record";
import { renderApp } from "@/test/render";

/*
 * A meeting of 2024 entered after the fact, in a record that already holds what came later (progress in
 * 2025, a reopened promise, a 2026 meeting): its page, its closing and its snapshot show only what the
 * record held dated by its own day, and say how much was left out.
 */

const SLOW = { timeout: 8000 };

const rowOf = (table: HTMLElement, label: string) => {
  const row = within(table)
    .getAllByRole("row")
    .find((r) => r.querySelector("td")?.textContent === label);
  if (!row) throw new Error(`no row ${label}`);
  return within(row).getAllByRole("cell");
};

describe("A back-dated meeting (2024, entered in 2026)", () => {
  it("shows its figures as of its own day, not today's, in the organisation's words", async () => {
    serveRecord();
    renderApp("/meetings/mtg-2024");
    const figures = await screen.findByTestId("changes-figures", {}, SLOW);
    expect(figures).toHaveTextContent("現在の記録を開催日(2024年7月25日)時点に戻して");
    const table = within(figures).getByRole("table");
    // Records and people are separate rows; the customers are named as the company calls them.
    expect(rowOf(table, "影響を受けた顧客の記録(延べ件数)")[1]).toHaveTextContent("12,000件");
    // 3,000 letters had gone out by then — not the 12,000 reported in 2025.
    expect(rowOf(table, "顧客への通知:送付済み / 対象")[1]).toHaveTextContent("3,000 / 12,000名");
    expect(rowOf(table, "約束・要求:当社が確認済み")[1]).toHaveTextContent("0");
    expect(within(figures).queryByText(/会員/)).not.toBeInTheDocument();
    // The dated records up to the day: the reopening of September is not among them.
    expect(
      await screen.findByRole("table", { name: /2024年7月25日までに記録された事項/ }, SLOW),
    ).not.toHaveTextContent("再開");
    // Resolutions under the item they were made on, or for the whole meeting.
    expect(screen.getByTestId("resolution-res-measures")).toHaveTextContent(
      "議題1「DM委託先の事故の報告」について",
    );
    expect(screen.getByTestId("resolution-res-policy")).toHaveTextContent("会議全体について");
    // The demand made that day was verified in 2025: on the meeting day it was still open.
    expect(screen.getByTestId("resolution-res-measures")).toHaveTextContent("開催日時点の状況:対応中");
    expect(screen.getByTestId("resolution-res-measures")).not.toHaveTextContent("確認済み");
  });

  it("freezes only what was dated by its day when closed years later, and says what it left out", async () => {
    const store = serveRecord();
    const user = userEvent.setup();
    renderApp("/meetings/mtg-2024");
    await user.click(await screen.findByRole("button", { name: "会議を締める" }, SLOW));
    await user.click(screen.getByRole("button", { name: "締める(凍結する)" }));
    const badge = await screen.findByTestId("closed-badge", {}, SLOW);
    expect(await within(badge).findByTestId("excluded-note", {}, SLOW)).toHaveTextContent(
      "この会議の日付より後の記録 9件 は含まれていません(事故の経過 1件・是正・通知の進捗 1件・約束・要求の報告・確認・再開 4件・資料 3件)。会議を締めた時点で記録にあったものの、日付が開催日(2024年7月25日)より後のものです。",
    );
    const snapshot = store.snapshots.get("mtg-2024");
    expect(snapshot?.asOf).toBe("2024-07-25");
    expect(snapshot?.record.meetings.map((m) => m.id)).toEqual(["mtg-2024"]);
    expect(snapshot?.overview.remediation).toEqual([
      expect.objectContaining({
        purpose: "notification",
        populationId: "customers",
        people: 12_000,
        done: 3_000,
      }),
    ]);

    // The snapshot page says the same, and shows whose duty each clock was.
    await user.click(within(badge).getByRole("link", { name: "取締役会で示した数値(凍結)を見る" }));
    expect(
      await screen.findByRole(
        "heading",
        { level: 1, name: "2024年度第2回取締役会:取締役会で示した数値" },
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId("excluded-note")).toHaveTextContent("9件");
    const figures = screen.getByRole("region", { name: "主要な数値" });
    expect(
      within(figures).getByText("影響を受けた顧客の記録(延べ件数)", { selector: "dt" }).closest(".tile"),
    ).toHaveTextContent("12,000件");
    expect(
      within(figures).getByText("顧客への通知:送付済み / 対象", { selector: "dt" }).closest(".tile"),
    ).toHaveTextContent("3,000 / 12,000名");
    const deadlines = within(screen.getByRole("region", { name: "期限の状況" })).getByRole("table");
    const prelim = within(deadlines)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("個人情報保護委員会への速報")) as HTMLElement;
    expect(prelim).toHaveTextContent("当社の義務");
    expect(prelim).toHaveTextContent("期限内に実施");
    const promise = within(deadlines)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("全顧客へのお知らせ")) as HTMLElement;
    expect(promise).toHaveTextContent("架空BPO、架空印刷");
    // The board-report clock rests on the law of the company's legal form, as the API gave it.
    expect(deadlines).toHaveTextContent("会社法363条2項");
  }, 45_000);

  it("compares the next meeting's figures with the frozen ones, and lists the refused report as refused", async () => {
    serveRecord();
    await apiSend("closeMeeting", { params: { meetingId: "mtg-2024" }, body: { version: 1 } });
    renderApp("/meetings/mtg-2026");
    const figures = await screen.findByTestId("changes-figures", {}, SLOW);
    const table = within(figures).getByRole("table");
    const sent = rowOf(table, "顧客への通知:送付済み / 対象");
    expect(sent[1]).toHaveTextContent("3,000 / 12,000名");
    expect(sent[2]).toHaveTextContent("12,000 / 12,000名");
    expect(sent[3]).toHaveTextContent("+9,000名");
    expect(rowOf(table, "約束・要求:当社が確認済み")[3]).toHaveTextContent("+1");
    const events = await screen.findByRole(
      "table",
      { name: /2024年7月25日〜2026年1月20日に記録された事項/ },
      SLOW,
    );
    const reopened = within(events)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("2024年9月15日")) as HTMLElement;
    expect(reopened).toHaveTextContent("約束・要求:委託先の完了報告を受け入れず再開");
    expect(events).not.toHaveTextContent("確認を取り消して");
    expect(within(events).getAllByText("通知の進捗").length).toBeGreaterThan(0);
  }, 45_000);

  it("records which agenda item a resolution was made under, a new item included", async () => {
    const store = serveRecord();
    const user = userEvent.setup();
    renderApp("/meetings/mtg-2026/edit");
    const group = (name: string | RegExp, inside: HTMLElement = document.body) =>
      within(inside).getByRole("group", { name });
    await screen.findByRole("group", { name: /^名称/ }, SLOW);
    // No demo example: the company's own board.
    expect(screen.getByText("例:2025年度第4回定例取締役会")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "議題を追加" }));
    await user.type(
      within(group(/^議題の名称/, group("議題2"))).getByLabelText(/^日本語/),
      "再発防止策の確認",
    );
    await user.click(screen.getByRole("button", { name: "決議・対応を追加" }));
    const resolution = group("決議・対応1");
    await user.selectOptions(within(resolution).getByLabelText(/^種類/), "demand");
    const item = within(resolution).getByLabelText(/^議題/);
    expect(
      within(item)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["会議全体(議題を特定しない)", "議題1:DM委託先の事故のその後", "議題2:再発防止策の確認"]);
    await user.selectOptions(item, "議題2:再発防止策の確認");
    await user.type(within(group(/^内容/, resolution)).getByLabelText(/^日本語/), "期限内の完了を求める");
    await user.selectOptions(
      within(group(/^出典となる資料/, resolution)).getByLabelText(/^出典の資料/),
      "doc-d",
    );
    await user.click(screen.getByRole("button", { name: "変更を保存" }));
    await waitFor(() => expect(store.data.meetings.find((m) => m.id === "mtg-2026")?.version).toBe(2), SLOW);
    const saved = store.data.meetings.find((m) => m.id === "mtg-2026");
    const newItem = saved?.items[1];
    expect(newItem?.title.ja).toBe("再発防止策の確認");
    expect(saved?.resolutions[0]?.itemId).toBe(newItem?.id);
    expect(backdatedRecord.meetings[1]?.items).toHaveLength(1);
  }, 60_000);
});
