import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { renderWithProviders } from "@/test/render";
import { OverviewCharts } from "./overview-charts";

const SLOW = { timeout: 5000 };

const render = (lang: "ja" | "en" = "ja") =>
  renderWithProviders(<OverviewCharts asOf="2025-09-30" />, { lang });

/** Switches a chart to its table and returns the table's rows as lists of cell texts. */
const tableOf = async (chartTitle: string, buttonLabel = "表で見る") => {
  const user = userEvent.setup();
  const frame = (await screen.findByText(chartTitle, {}, SLOW)).closest("figure") as HTMLElement;
  await user.click(within(frame).getByRole("button", { name: buttonLabel }));
  const table = within(frame).getByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent?.trim()),
    );
};

describe("OverviewCharts: table alternatives", () => {
  it("lists members affected by incident and service: 44 + 1 + 1 = 46, 1,860, 3", async () => {
    render();
    const rows = await tableOf("事故・保険商品別の影響を受けた会員");
    expect(rows).toEqual([
      ["事故1 不正アクセスと情報漏洩の可能性", "44名", "1名", "1名", "46名"],
      ["事故2 制度運営費の過請求", "—", "—", "1,860名", "1,860名"],
      ["事故3 保険料の二重請求", "—", "—", "3名", "3名"],
    ]);
  });

  it("lists completion per cohort, with the 1,854's split and the refunds as 未報告", async () => {
    render();
    const rows = await tableOf("是正の完了状況(対象グループ別)");
    const byLabel = (label: string) => rows.find((r) => r[0]?.includes(label)) ?? [];
    // cohort, purpose, members, done, remaining, not reported, owed, done yen, last report
    expect(byLabel("お詫び文書の送付")).toEqual([
      "事故1 お詫び文書の送付(対象会員)",
      "本人への通知",
      "46名",
      "未報告",
      "未報告",
      "46名",
      "—",
      "—",
      "未報告",
    ]);
    expect(byLabel("請求エラーとなった加入者").slice(2)).toEqual([
      "6名",
      "6名",
      "0名",
      "0名",
      "1,200円",
      "1,200円",
      "2025年8月15日",
    ]);
    expect(byLabel("それ以外の加入者").slice(2)).toEqual([
      "1,854名",
      "1,854名",
      "0名",
      "0名",
      "370,800円",
      "370,800円",
      "2025年7月25日",
    ]);
    for (const sub of ["締め日までに修正が間に合った加入者", "7月15日〜25日に締め日を迎えた加入者"]) {
      const row = byLabel(sub);
      expect(row[0]).toMatch(/^└ 内訳/);
      expect(row.slice(2, 6)).toEqual(["未報告", "未報告", "未報告", "未報告"]);
    }
    expect(byLabel("二重請求された加入者への返金").slice(2)).toEqual([
      "3名",
      "未報告",
      "未報告",
      "3名",
      "未報告",
      "未報告",
      "未報告",
    ]);
    // Sub-groups sit right under their parent.
    const order = rows.map((r) => r[0]);
    const parent = order.findIndex((l) => l?.includes("それ以外の加入者"));
    expect(order[parent + 1]).toMatch(/締め日までに修正が間に合った/);
  });

  it("lists cumulative corrections by report date", async () => {
    render();
    const rows = await tableOf("是正の累計の推移");
    expect(rows.map((r) => [r[0], r[2], r[3], r[5]])).toEqual([
      ["2025年7月25日", "1,854名", "1,854名", "370,800円"],
      ["2025年8月15日", "6名", "1,860名", "372,000円"],
    ]);
    expect(rows[0]?.[1]).toBe("事故2 それ以外の加入者(請求データ修正)");
  });

  it("lists commitments by status, zeros included", async () => {
    render();
    const rows = await tableOf("約束・要求の状況別件数");
    expect(rows).toEqual([
      ["未着手", "3件"],
      ["対応中", "2件"],
      ["委託先が完了と報告", "0件"],
      ["協会が確認済み", "0件"],
      ["再開", "0件"],
    ]);
    expect(screen.getByText("5件すべてに期限の定めがなく、期限超過は判定できません。")).toBeInTheDocument();
  });

  it("keeps each chart's height: the loading frame's body is as tall as the chart's, which is fixed", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(`*${contract.getAffectedStats.path}`, async () => {
        await held;
      }),
    );
    const { container } = render();
    const heights = () =>
      [...container.querySelectorAll<HTMLElement>(".ov-charts .chart-body")].map((b) => b.style.height);
    // The other three frames are loaded; the first is still its skeleton, holding the same boxes.
    await screen.findByRole("figure", { name: "約束・要求の状況別件数" }, SLOW);
    expect(
      screen.queryByRole("figure", { name: "事故・保険商品別の影響を受けた会員" }),
    ).not.toBeInTheDocument();
    const loading = heights();
    expect(loading).toHaveLength(4);
    release();
    await screen.findByRole("figure", { name: "事故・保険商品別の影響を受けた会員" }, SLOW);
    expect(heights()).toEqual(loading);
    // A height, not a minimum: a legend that wraps cannot make the chart taller.
    for (const body of container.querySelectorAll<HTMLElement>(".ov-charts .chart-body")) {
      expect(body.style.minHeight).toBe("");
      expect(body.style.height).toMatch(/^\d+px$/);
    }
  });

  it("has English labels", async () => {
    render("en");
    const rows = await tableOf("Remediation completion by group", "Show as table");
    expect(rows.find((r) => r[0]?.includes("Refunds"))?.[3]).toBe("Not reported");
    expect(screen.getByRole("heading", { level: 2, name: "Impact and remediation" })).toBeInTheDocument();
  });
});
