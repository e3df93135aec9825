import { screen, within } from "@testing-library/react";
import { renderWithProviders } from "@/test/render";
import { CaseTimeline } from "./case-timeline";

const SLOW = { timeout: 5000 };

const render = (lang: "ja" | "en" = "ja") =>
  renderWithProviders(<CaseTimeline asOf="2025-09-30" />, { lang });

const course = async (name: string) => within(await screen.findByRole("article", { name }, SLOW));

const rowsOf = async (scope: ReturnType<typeof within>) => {
  const table = await scope.findByRole("table", {}, SLOW);
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent?.replace(/\s+/g, " ").trim()),
    );
};

describe("CaseTimeline", () => {
  it("gives the days from the first occurrence to the latest board meeting", async () => {
    render();
    const line = (await screen.findByText(/最初の発生/, {}, SLOW)).closest("p") as HTMLElement;
    expect(line).toHaveTextContent("最初の発生(2025年4月17日)から直近の理事会(2025年8月23日)まで 128日");
    expect(within(line).getByText("記録外の日付を含む")).toBeInTheDocument();
  });

  it("lists incident 1's milestones in date order with the days between them, outside-record ones marked", async () => {
    render();
    const inc1 = await course("事故1 不正アクセスと情報漏洩の可能性");
    const spans = inc1.getAllByRole("listitem").map((li) => li.textContent);
    expect(spans).toContain("検知から協会への文書報告まで 119日 記録外の日付を含む");
    expect(spans).toContain("発生から理事会への報告まで 128日 記録外の日付を含む");
    const rows = await rowsOf(inc1);
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["2025年4月17日〜2025年4月21日", "起点"],
      ["2025年4月21日", "+4日"],
      ["2025年4月25日", "+4日"],
      ["2025年6月11日", "+47日"],
      ["2025年6月12日", "+1日"],
      ["2025年6月13日", "+1日"],
      ["2025年6月14日", "+1日"],
      ["2025年6月20日", "+6日"],
      ["2025年8月18日", "+59日"],
      ["2025年8月23日", "+5日"],
    ]);
    // Detection comes from the press, outside the association's record, and says where from.
    expect(rows[1]?.[2]).toBe("検知 記録外 エラーを検知しネットワークを遮断、警察に連絡");
    // Document names come from the reference list, which may arrive after the table.
    await inc1.findAllByRole("link", { name: "共同通信(民友ネット)" }, SLOW);
    expect((await rowsOf(inc1))[1]?.[3]).toBe("共同通信(民友ネット)(finbridge.jp 記事9933)記録外");
    expect(rows[9]?.[2]).not.toContain("記録外");
  });

  it("keeps incident 3's month-only occurrence month-only and counts no days from it", async () => {
    render();
    const inc3 = await course("事故3 保険料の二重請求");
    const rows = await rowsOf(inc3);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["2025年7月", "日付が月のみ"],
      ["2025年9月5日", "前の日付が月のみ"],
    ]);
    expect(inc3.getByText(/日数は出せません/)).toBeInTheDocument();
  });

  it("marks a same-day step (incident 2's report and board meeting)", async () => {
    render();
    const rows = await rowsOf(await course("事故2 制度運営費の過請求"));
    expect(rows.map((r) => r[1])).toEqual(["起点", "+39日", "同日"]);
  });

  it("has English labels", async () => {
    render("en");
    const inc1 = await course("Incident 1 Unauthorized access and possible data leak");
    expect(inc1.getByText("Detection to the written report to the association:")).toBeInTheDocument();
    const rows = await rowsOf(inc1);
    expect(rows[1]?.[1]).toBe("+4 days");
  });
});
