import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { MEETING_2024, serveRecord } from "@/test/backdated-meeting-record";
import { renderWithProviders } from "@/test/render";
import { IncidentClocks } from "./incident-clocks";

const SLOW = { timeout: 5000 };

const rowOf = async (rule: string) => {
  const table = await screen.findByRole("table", {}, SLOW);
  const row = within(table)
    .getAllByRole("row")
    .find((r) => within(r).queryByText(rule) !== null);
  if (!row) throw new Error(`no row for ${rule}`);
  return row;
};

describe("IncidentClocks", () => {
  it("puts APPI_FINAL for incident 1 on 2025-06-20 (detected 2025-04-21, 60 days) and says the vendor never reported it", async () => {
    renderWithProviders(<IncidentClocks incidentId="inc-1" asOf="2025-09-30" />);
    const final = await rowOf("個人情報保護委員会への確報");
    expect(final).toHaveTextContent("2025年6月20日");
    expect(final).toHaveTextContent("2025年4月21日");
    expect(final).toHaveTextContent("個人情報保護法26条1項、規則8条2項");
    expect(within(final).getAllByText("未報告").length).toBeGreaterThan(0);
    expect(final).not.toHaveTextContent("期限内に実施");
    // Guideline-based: "promptly", about 3–5 days.
    const prelim = await rowOf("個人情報保護委員会への速報");
    expect(prelim).toHaveTextContent("2025年4月26日");
    expect(within(prelim).getByText("目安")).toBeInTheDocument();
    // The public notice of 2025-04-25 stands in for notice to individuals; the law fixes no day.
    const notice = await rowOf("本人への通知");
    expect(notice).toHaveTextContent("期日の定めなし");
    expect(notice).toHaveTextContent("2025年4月25日");
    expect(notice).toHaveTextContent("実施済み(期日の定めなし)");
    // The board's own clock, from the 2025-08-23 meeting.
    const board = await rowOf("理事会への報告(3か月ごと)");
    expect(board).toHaveTextContent("2025年11月23日");
    expect(board).toHaveTextContent("期限前");
    expect(board).toHaveTextContent("前回の理事会への報告");
    expect(screen.getByText(/初日不算入/)).toBeInTheDocument();
    expect(screen.queryByText(/個人データの漏えい等ではない/)).not.toBeInTheDocument();
  });

  it("names the vendor's duty from the record for the insurer's own customers' data, never a generic insurer", async () => {
    renderWithProviders(<IncidentClocks incidentId="inc-1" asOf="2025-09-30" />);
    const final = await rowOf("個人情報保護委員会への確報");
    expect(final).toHaveTextContent("委託先の義務");
    expect(within(final).getByRole("link", { name: "損保ジャパン" })).toHaveAttribute(
      "href",
      "/vendors/sompo",
    );
    expect(final).toHaveTextContent("委託先が事故を知った日");
    expect(screen.queryByText(/保険会社/)).not.toBeInTheDocument();
  });

  it("makes the organisation's own filings its duty, counted from when the vendor told it, with its legal form's basis", async () => {
    serveRecord();
    renderWithProviders(<IncidentClocks incidentId="inc-dm" asOf={MEETING_2024} />);
    const prelim = await rowOf("個人情報保護委員会への速報");
    expect(prelim).toHaveTextContent("当社の義務");
    expect(prelim).toHaveTextContent("委託先から当社に報告があった日");
    expect(prelim).toHaveTextContent("2024年6月18日");
    expect(prelim).toHaveTextContent("2024年6月21日当社の記録");
    expect(prelim).toHaveTextContent("期限内に実施");
    // The notice dated after the meeting day is not counted as done on that day.
    const notice = await rowOf("本人への通知");
    expect(notice).not.toHaveTextContent("2024年8月1日");
    // A company: the board-report clock rests on the Companies Act, as the API says.
    const board = await rowOf("取締役会への報告(3か月ごと)");
    expect(board).toHaveTextContent("会社法363条2項");
    // No clock of an insurer: the vendors are a contractor and a printer.
    expect(screen.queryByText("金融庁への漏えい報告(保険業法)")).not.toBeInTheDocument();
  });

  it("moves the due date a day earlier when the first day counts", async () => {
    mockStore.settings = { dayCounting: "include_first_day", version: 2 };
    renderWithProviders(<IncidentClocks incidentId="inc-1" asOf="2025-09-30" />);
    expect(await rowOf("個人情報保護委員会への確報")).toHaveTextContent("2025年6月19日");
    expect(screen.getByText(/初日算入/)).toBeInTheDocument();
  });

  it("never calls the day the association learned of it a board report (incident 3: the board never heard of it)", async () => {
    renderWithProviders(<IncidentClocks incidentId="inc-3" asOf="2025-09-30" />);
    const board = await rowOf("理事会への報告(3か月ごと)");
    expect(board).toHaveTextContent("2025年9月5日");
    expect(board).toHaveTextContent("委託先から本会に報告があった日(理事会への報告は記録にありません)");
    expect(board).not.toHaveTextContent("前回の理事会への報告");
  });

  it("says that no statutory deadline applies to the billing error, and keeps the board-report clock", async () => {
    renderWithProviders(<IncidentClocks incidentId="inc-2" asOf="2025-09-30" />);
    expect(
      await screen.findByText(
        "この事故は個人データの漏えい等ではないため、個人情報保護法の報告期限は適用されません。",
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(await rowOf("理事会への報告(3か月ごと)")).toBeInTheDocument();
    expect(screen.queryByText("個人情報保護委員会への確報")).not.toBeInTheDocument();
  });

  it("shows an error with a retry when the deadlines cannot be read", async () => {
    server.use(
      http.get(`*${contract.listDeadlines.path}`, () =>
        HttpResponse.json(
          { type: "about:blank", title: "Internal Server Error", status: 500 },
          { status: 500 },
        ),
      ),
    );
    renderWithProviders(<IncidentClocks incidentId="inc-1" asOf="2025-09-30" />);
    expect(await screen.findByRole("alert", {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "再試行" })).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
