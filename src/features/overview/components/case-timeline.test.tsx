import { screen, within } from "@testing-library/react";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { renderWithProviders } from "@/test/render";
import { scaleDataset } from "../../../../scripts/scale-dataset";
import type { TOverviewScope } from "../api/queries";
import { CaseTimeline } from "./case-timeline";
import { twoCases } from "./two-cases.fixture";

const SLOW = { timeout: 5000 };
const SCOPE: TOverviewScope = { caseStatus: "open", asOf: "2025-09-30" };

const render = (lang: "ja" | "en" = "ja", scope = SCOPE) =>
  renderWithProviders(<CaseTimeline scope={scope} />, { lang });

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
  it("gives the case's span from its first to its last dated day", async () => {
    render();
    const line = (await screen.findByText(/記録上の最初の日付/, {}, SLOW)).closest("p") as HTMLElement;
    expect(line).toHaveTextContent(
      "記録上の最初の日付(2025年4月17日)から最後の日付(2025年9月5日)まで 141日 記録外の日付を含む",
    );
  });

  it("lists incident 1's milestones in date order with the days between them, outside-record ones marked", async () => {
    render();
    const inc1 = await course("事故1 不正アクセスと情報漏洩の可能性");
    const spans = inc1.getAllByRole("listitem").map((li) => li.textContent);
    // {org} and {board}: the organisation's own words (the neutral ones here, outside the app shell).
    expect(spans).toContain("検知から本会への文書報告まで 119日 記録外の日付を含む");
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
    expect(inc1.getByText("Detection to the written report to the organisation:")).toBeInTheDocument();
    const rows = await rowsOf(inc1);
    expect(rows[1]?.[1]).toBe("+4 days");
  });

  it("gives every case its own course and span, from one request for the scope", async () => {
    server.use(...createHandlers(twoCases));
    const seen: string[] = [];
    server.events.on("request:start", ({ request }) => {
      seen.push(new URL(request.url).pathname);
    });
    try {
      render("ja", { caseStatus: "open", asOf: "2026-12-01" });
      const print = within(
        await screen.findByRole("article", { name: "印刷委託先のランサムウェア被害" }, SLOW),
      );
      expect(print.getByText(/記録上の最初の日付/).closest("p")).toHaveTextContent(
        "記録上の最初の日付(2026年5月28日)から最後の日付(2026年6月10日)まで 13日",
      );
      // Never a span across the two cases.
      expect(screen.queryByText(/2025年4月17日\)から最後の日付\(2026年/)).not.toBeInTheDocument();
      const rows = await rowsOf(within(print.getByRole("article", { name: /事故4/ })));
      expect(rows.map((r) => [r[0], r[1]])).toEqual([
        ["2026年5月28日", "起点"],
        ["2026年5月30日", "+2日"],
        ["2026年6月10日", "+11日"],
      ]);
      expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
        "団体保険制度の委託先における一連の事案(2025年)",
        "印刷委託先のランサムウェア被害",
      ]);
    } finally {
      server.events.removeAllListeners();
    }
    // Not one request per incident.
    expect(seen.filter((p) => p.startsWith("/api/v1/incidents/"))).toEqual([]);
    // One request, which also names the documents: the whole list of documents is not read.
    expect(seen).toEqual(["/api/v1/stats/case-timeline"]);
  });

  it("shows the latest five cases of a large record and links to the rest, whatever the record's size", async () => {
    server.use(...createHandlers(scaleDataset(8)));
    render("ja", { caseStatus: "all", asOf: "2026-12-01" });
    const more = await screen.findByRole("link", { name: "他3件の事案の経緯は事案の一覧から" }, SLOW);
    expect(more).toHaveAttribute("href", "/cases");
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "事案4",
      "事案5",
      "事案6",
      "事案7",
      "事案8",
    ]);
  });

  it("shows the course as the record stood on an earlier day", async () => {
    render("ja", { caseStatus: "open", asOf: "2025-07-01" });
    await screen.findByRole("article", { name: /事故1/ }, SLOW);
    expect(screen.queryByRole("article", { name: /事故2/ })).not.toBeInTheDocument();
    const rows = await rowsOf(within(screen.getByRole("article", { name: /事故1/ })));
    expect(rows.every((r) => !/2025年(8|9)月/.test(r[0] ?? ""))).toBe(true);
  });
});
