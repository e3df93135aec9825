import { fireEvent, screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { MeetingDetail } from "./meeting-detail";

const open = (lang: "ja" | "en" = "ja", id = "mtg-2025-03") =>
  renderWithProviders(<MeetingDetail meetingId={id} />, { url: `/meetings/${id}`, lang });

describe("MeetingDetail", () => {
  it("shows the meeting's date, attendees, items and resolutions", async () => {
    open();
    expect(
      await screen.findByRole("heading", { level: 1, name: "2025年度第3回定例理事会" }),
    ).toBeInTheDocument();
    // The date under the title (the changes since the last meeting may name it too).
    expect(screen.getByText("2025年8月23日", { selector: "time" })).toBeInTheDocument();

    const attendees = screen.getByRole("region", { name: "出席した委託先" });
    const sompo = within(attendees).getByTestId("attendee-sompo");
    expect(await within(sompo).findByRole("link", { name: "損保ジャパン" })).toHaveAttribute(
      "href",
      "/vendors/sompo",
    );
    expect(sompo).toHaveTextContent("担当社員");
    expect(within(sompo).getByText("3名")).toBeInTheDocument();

    const items = screen.getByRole("region", { name: "報告・説明された議題" });
    const itemList = within(items).getAllByRole("heading", { level: 3 });
    expect(itemList.map((h) => h.textContent)).toEqual([
      "不正アクセスと情報漏洩の可能性についての説明と陳謝",
      "制度運営費の過請求についての説明と陳謝",
    ]);
    expect(
      await within(items).findByRole("link", { name: "事故1 不正アクセスと情報漏洩の可能性" }),
    ).toHaveAttribute("href", "/incidents/inc-1");
    expect(await within(items).findByRole("link", { name: /^資料4/ })).toHaveAttribute(
      "href",
      "/documents/doc-4",
    );

    const resolutions = screen.getByRole("region", { name: "決議・理事会の対応" });
    expect(within(resolutions).getAllByTestId(/^resolution-/)).toHaveLength(4);
    const warning = within(resolutions).getByTestId("resolution-res-2025-03-warning");
    expect(within(warning).getByText("厳重注意")).toBeInTheDocument();
    expect(warning).toHaveTextContent("「同社に対して厳重注意を行う」");
    expect(warning).toHaveTextContent("お知らせは理事会の対応の日付を記載していない");
    const demand = within(resolutions).getByTestId("resolution-res-2025-03-demand");
    expect(within(demand).getByText("要求")).toBeInTheDocument();
    const links = await within(demand).findAllByRole("link", { name: /こと$/ });
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "/commitments?id=cmt-board-prevention",
      "/commitments?id=cmt-board-trust",
    ]);
    expect(within(demand).getAllByText("開催日時点の状況:未着手")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "印刷(理事会資料)" })).toBeInTheDocument();
  });

  it("says there is no earlier meeting and lists what was recorded up to it", async () => {
    open();
    const changes = await screen.findByRole("region", { name: "前回の理事会からの変化" });
    expect(
      await within(changes).findByText(/記録上、この会議より前の理事会はありません。/),
    ).toBeInTheDocument();
    const table = within(changes).getByRole("table", { name: /までに記録された事項/ });
    // Reported on the meeting day itself, and the corrections of 25 July and 15 August, are in.
    expect(within(table).getAllByText("事故の経過:理事会へ報告")).toHaveLength(2);
    const corrected = within(table)
      .getByText(/^それ以外の加入者/)
      .closest("tr") as HTMLElement;
    expect(within(corrected).getByText("2025年7月25日")).toBeInTheDocument();
    expect(within(corrected).getByText("1,854名")).toBeInTheDocument();
    // Document 3 is dated only "2025年8月": it may fall after the meeting, and says so.
    const doc3 = within(table)
      .getByRole("link", { name: /^資料3「/ })
      .closest("tr") as HTMLElement;
    expect(within(doc3).getByText("月のみ・前後不明")).toBeInTheDocument();
    // Document 5 (5 September) came after the meeting.
    expect(within(table).queryByRole("link", { name: /^資料5「/ })).not.toBeInTheDocument();
    // The intrusion dates come from the press: outside the association's record.
    const intrusion = within(table).getByText("侵入期間").closest("tr") as HTMLElement;
    expect(within(intrusion).getByText("2025年4月17日〜2025年4月21日")).toBeInTheDocument();
    expect(within(intrusion).getByText("記録外")).toBeInTheDocument();
  });

  it("says so when the meeting does not exist", async () => {
    open("ja", "mtg-1999-01");
    expect(
      await screen.findByRole("heading", { level: 1, name: "会議が見つかりません" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/mtg-1999-01/)).toBeInTheDocument();
  });

  it("shows an error with a retry when the server fails", async () => {
    server.use(
      http.get(`*${contract.getMeeting.path}`, () =>
        HttpResponse.json(problem(500, "boom"), { status: 500 }),
      ),
    );
    open();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("データを読み込めませんでした");
    expect(screen.queryByText("会議が見つかりません")).not.toBeInTheDocument();
    server.resetHandlers();
    fireEvent.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "2025年度第3回定例理事会" }),
    ).toBeInTheDocument();
  });

  it("reads in English", async () => {
    open("en");
    expect(
      await screen.findByRole("heading", { level: 1, name: "3rd regular board meeting, FY2025" }),
    ).toBeInTheDocument();
    const attendees = screen.getByRole("region", { name: "Vendor attendees" });
    expect(within(attendees).getByTestId("attendee-sompo")).toHaveTextContent("Staff in charge");
    expect(within(attendees).getByText("3 people")).toBeInTheDocument();
    expect(screen.getByText("Strict warning")).toBeInTheDocument();
    expect(await screen.findByText(/There is no earlier board meeting in the record/)).toBeInTheDocument();
  });
});
