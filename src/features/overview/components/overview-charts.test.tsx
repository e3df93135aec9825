import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { onTestFinished } from "vitest";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { CHART_BARS } from "@/shared/overview-limits";
import { renderWithProviders } from "@/test/render";
import { scaleDataset } from "../../../../scripts/scale-dataset";
import type { TOverviewScope } from "../api/queries";
import { OverviewCharts } from "./overview-charts";
import { twoCases } from "./two-cases.fixture";

const SLOW = { timeout: 5000 };
const SCOPE: TOverviewScope = { caseStatus: "open", asOf: "2025-09-30" };
const LATER: TOverviewScope = { caseStatus: "open", asOf: "2026-12-01" };

const render = (lang: "ja" | "en" = "ja", scope = SCOPE) =>
  renderWithProviders(<OverviewCharts scope={scope} />, { lang });

const frameOf = async (title: string) =>
  (await screen.findByText(title, {}, SLOW)).closest("figure") as HTMLElement;

/** Switches a chart to its table and returns the header and the rows as lists of cell texts. */
const tableOf = async (chartTitle: string, buttonLabel = "表で見る") => {
  const user = userEvent.setup();
  const frame = await frameOf(chartTitle);
  await user.click(within(frame).getByRole("button", { name: buttonLabel }));
  const table = within(frame).getByRole("table");
  const [head, ...rows] = within(table).getAllByRole("row");
  return {
    header: within(head as HTMLElement)
      .getAllByRole("columnheader")
      .map((c) => c.textContent?.trim()),
    rows: rows.map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent?.trim()),
    ),
  };
};

describe("OverviewCharts: one case", () => {
  it("lists members affected by incident and service: 44 + 1 + 1 = 46, 1,860, 3", async () => {
    render();
    const { rows } = await tableOf("影響を受けた会員(事故・サービス別)");
    expect(rows).toEqual([
      ["事故1 不正アクセスと情報漏洩の可能性", "44名", "1名", "1名", "46名"],
      ["事故2 制度運営費の過請求", "—", "—", "1,860名", "1,860名"],
      ["事故3 保険料の二重請求", "—", "—", "3名", "3名"],
    ]);
  });

  it("lists money put right per group, with the 1,854's split and the refunds as 未報告", async () => {
    render();
    const { header, rows } = await tableOf("金銭の是正の完了状況(対象グループ別)");
    expect(header).toEqual([
      "対象グループ",
      "目的と対象",
      "対象人数",
      "是正済み(報告)",
      "対応中",
      "状況が未報告",
      "対象金額",
      "是正済み金額",
      "最終報告日",
    ]);
    const byLabel = (label: string) => rows.find((r) => r[0]?.includes(label)) ?? [];
    expect(byLabel("請求エラーとなった加入者").slice(1)).toEqual([
      "会員",
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
    // Letters are not in the money chart.
    expect(byLabel("お詫び文書")).toEqual([]);
    const order = rows.map((r) => r[0]);
    const parent = order.findIndex((l) => l?.includes("それ以外の加入者"));
    expect(order[parent + 1]).toMatch(/締め日までに修正が間に合った/);
  });

  it("lists letters in a chart of their own, in their words and without any yen column", async () => {
    render();
    const { header, rows } = await tableOf("本人への通知の送付状況(対象グループ別)");
    expect(header).toEqual([
      "対象グループ",
      "目的と対象",
      "対象人数",
      "送付済み(報告)",
      "未送付",
      "状況が未報告",
      "最終報告日",
    ]);
    expect(rows).toEqual([
      ["事故1 お詫び文書の送付(対象会員)", "会員", "46名", "未報告", "未報告", "46名", "未報告"],
    ]);
  });

  it("draws money's progress per series, and names the letters that have no dated report", async () => {
    render();
    const frame = await frameOf("是正と通知の累計の推移");
    expect(within(frame).getByText(/日付のある報告がないもの:本人への通知\(会員\)/)).toBeInTheDocument();
    const { rows } = await tableOf("是正と通知の累計の推移");
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[6]])).toEqual([
      ["2025年7月25日", "金銭の是正(会員)", "1,854名", "1,854名", "370,800円"],
      ["2025年8月15日", "金銭の是正(会員)", "6名", "1,860名", "372,000円"],
    ]);
    expect(rows[0]?.[2]).toBe("事故2 それ以外の加入者(請求データ修正)");
  });

  it("lists commitments by status, zeros included", async () => {
    render();
    const { rows } = await tableOf("約束・要求の状況別件数");
    expect(rows).toEqual([
      ["未着手", "3件"],
      ["対応中", "2件"],
      ["委託先が完了と報告", "0件"],
      ["本会が確認済み", "0件"],
      ["再開", "0件"],
    ]);
    expect(screen.getByText("5件すべてに期限の定めがなく、期限超過は判定できません。")).toBeInTheDocument();
  });

  it("gives each chart a fixed height that its loading frame holds too", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(`*${contract.getCommitmentStats.path}`, async () => {
        await held;
      }),
    );
    const { container } = render();
    const heights = () =>
      [...container.querySelectorAll<HTMLElement>(".ov-charts .chart-body")].map((b) => b.style.height);
    await screen.findByRole("figure", { name: "是正と通知の累計の推移" }, SLOW);
    const loading = heights();
    expect(loading).toHaveLength(5);
    release();
    await screen.findByRole("figure", { name: "約束・要求の状況別件数" }, SLOW);
    expect(heights()).toEqual(loading);
    // A height, not a minimum: a legend that wraps cannot make the chart taller.
    for (const body of container.querySelectorAll<HTMLElement>(".ov-charts .chart-body")) {
      expect(body.style.minHeight).toBe("");
      expect(body.style.height).toMatch(/^\d+px$/);
    }
  });

  it("has English labels", async () => {
    render("en");
    const { rows } = await tableOf("Money put right, by group", "Show as table");
    expect(rows.find((r) => r[0]?.includes("Refunds"))?.[3]).toBe("Not reported");
    expect(screen.getByRole("heading", { level: 2, name: "Impact and remediation" })).toBeInTheDocument();
  });
});

/**
 * Opens the table of a chart over a large record (every case), noting the bound each request of `path`
 * carried in `param` (null for none).
 */
const openLargeTable = async (path: string, param: string, chartTitle: string) => {
  server.use(...createHandlers(scaleDataset(40)));
  const asked: (string | null)[] = [];
  const listen = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname === path) asked.push(url.searchParams.get(param));
  };
  server.events.on("request:start", listen);
  onTestFinished(() => server.events.removeListener("request:start", listen));
  render("ja", { caseStatus: "all", asOf: "2026-12-01" });
  const user = userEvent.setup();
  const frame = await frameOf(chartTitle);
  await user.click(within(frame).getByRole("button", { name: "表で見る" }));
  const rows = () => within(within(frame).getByRole("table")).getAllByRole("row").slice(1);
  return { asked, user, frame, rows };
};

describe("OverviewCharts: several cases, people and records", () => {
  it("draws members (名) and the client's customers' records (件) in separate charts, outside figures left out", async () => {
    server.use(...createHandlers(twoCases));
    render("ja", LATER);
    const members = await tableOf("影響を受けた会員(事故・サービス別)");
    expect(members.rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ["事故1 不正アクセスと情報漏洩の可能性", "46名"],
      ["事故2 制度運営費の過請求", "1,860名"],
      ["事故3 保険料の二重請求", "3名"],
      // Not counted yet: 未報告, never 0.
      ["事故4 印刷委託先のランサムウェアによる情報漏えい", "未報告"],
    ]);
    const records = await tableOf("影響を受けた取引先の顧客の記録(件数)(事故・サービス別)");
    expect(records.header).toEqual(["事故", "案内状の印刷・発送", "合計"]);
    expect(records.rows).toEqual([
      ["事故4 印刷委託先のランサムウェアによる情報漏えい", "3,200件", "3,200件"],
    ]);
    const frame = await frameOf("影響を受けた取引先の顧客の記録(件数)(事故・サービス別)");
    expect(within(frame).getByText(/合計3,200件。.*記録外の数値は含みません。/)).toBeInTheDocument();
    expect(screen.getByText(/合計1,909名 以上\(一部未報告\)/)).toBeInTheDocument();
  });

  it("never adds letters to money: a series per purpose and population, letters without yen", async () => {
    server.use(...createHandlers(twoCases));
    render("ja", LATER);
    const { rows } = await tableOf("是正と通知の累計の推移");
    expect(rows.map((r) => [r[0], r[1], r[4], r[5], r[6]])).toEqual([
      ["2025年7月25日", "金銭の是正(会員)", "1,854名", "370,800円", "370,800円"],
      ["2025年8月15日", "金銭の是正(会員)", "1,860名", "1,200円", "372,000円"],
      ["2026年6月20日", "本人への通知(取引先の顧客)", "1,000名", "—", "—"],
      ["2026年7月10日", "本人への通知(取引先の顧客)", "3,000名", "—", "—"],
    ]);
    const notified = await tableOf("本人への通知の送付状況(対象グループ別)");
    expect(notified.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["事故1 お詫び文書の送付(対象会員)", "会員", "未報告"],
      ["事故4 顧客へのお詫び状", "取引先の顧客", "3,000名"],
    ]);
  });

  it("lists the chart's groups in its table, every group on request, then a page at a time", async () => {
    const { asked, user, frame, rows } = await openLargeTable(
      contract.getRemediationStats.path,
      "groups",
      "金銭の是正の完了状況(対象グループ別)",
    );
    const topLevel = () => rows().filter((r) => !r.textContent?.includes("└ 内訳")).length;
    // The first screen's answer holds the groups the chart draws, whatever the record's size.
    expect(topLevel()).toBe(CHART_BARS);
    expect(asked).toEqual([String(CHART_BARS)]);
    const note = within(frame).getByText(/^表はグラフと同じ最初の15グループです/);
    const groups = Number((note.textContent?.match(/全([\d,]+)グループ/)?.[1] ?? "0").replace(/,/g, ""));
    expect(groups).toBeGreaterThan(100);
    await user.click(
      within(frame).getByRole("button", { name: `全${groups.toLocaleString("ja-JP")}グループを表示` }),
    );
    await waitFor(() => expect(within(frame).queryByText(/^表はグラフと同じ/)).toBeNull());
    expect(asked).toEqual([String(CHART_BARS), null]);
    // Every group is in now, drawn a page at a time.
    expect(rows()).toHaveLength(100);
    const status = within(frame).getByRole("status");
    const total = Number((status.textContent?.match(/全([\d,]+)行/)?.[1] ?? "0").replace(/,/g, ""));
    expect(total).toBeGreaterThan(groups - 1);
    await user.click(within(frame).getByRole("button", { name: /^全[\d,]+行を表示$/ }));
    expect(rows()).toHaveLength(total);
    expect(topLevel()).toBe(groups);
  });

  it("lists the chart's incidents in its table, every incident on request", async () => {
    const { asked, user, frame, rows } = await openLargeTable(
      contract.getAffectedStats.path,
      "incidents",
      "影響を受けた会員(事故・サービス別)",
    );
    expect(rows()).toHaveLength(CHART_BARS);
    expect(asked).toEqual([String(CHART_BARS)]);
    const note = within(frame).getByText(/^表はグラフと同じ最初の15件の事故です/);
    const incidents = Number((note.textContent?.match(/全([\d,]+)件/)?.[1] ?? "0").replace(/,/g, ""));
    expect(incidents).toBeGreaterThan(CHART_BARS);
    expect(
      within(frame).getByText(new RegExp(`全${incidents.toLocaleString("ja-JP")}件は表で`)),
    ).toBeTruthy();
    await user.click(
      within(frame).getByRole("button", { name: `全${incidents.toLocaleString("ja-JP")}件の事故を表示` }),
    );
    await waitFor(() => expect(within(frame).queryByText(/^表はグラフと同じ/)).toBeNull());
    expect(asked).toEqual([String(CHART_BARS), null]);
    expect(rows()).toHaveLength(incidents);
  });

  it("says when every group could not be read, and tries again on request", async () => {
    server.use(...createHandlers(scaleDataset(40)));
    let fail = true;
    server.use(
      http.get(`*${contract.getRemediationStats.path}`, ({ request }) =>
        fail && !new URL(request.url).searchParams.has("groups")
          ? HttpResponse.json({ title: "down" }, { status: 503 })
          : undefined,
      ),
    );
    render("ja", { caseStatus: "all", asOf: "2026-12-01" });
    const user = userEvent.setup();
    const frame = await frameOf("金銭の是正の完了状況(対象グループ別)");
    await user.click(within(frame).getByRole("button", { name: "表で見る" }));
    const button = within(frame).getByRole("button", { name: /^全[\d,]+グループを表示$/ });
    await user.click(button);
    expect(await within(frame).findByRole("alert")).toHaveTextContent("データを読み込めませんでした");
    fail = false;
    await user.click(within(frame).getByRole("button", { name: /^全[\d,]+グループを表示$/ }));
    await waitFor(() => expect(within(frame).queryByRole("alert")).toBeNull());
    expect(within(frame).queryByText(/^表はグラフと同じ/)).toBeNull();
  });

  it("grows a chart a row per incident", async () => {
    const one = render();
    const height = async (title: string) =>
      Number.parseInt(((await frameOf(title)).querySelector(".chart-body") as HTMLElement).style.height, 10);
    const three = await height("影響を受けた会員(事故・サービス別)");
    one.unmount();
    server.use(...createHandlers(twoCases));
    render("ja", LATER);
    expect(await height("影響を受けた会員(事故・サービス別)")).toBeGreaterThan(three);
  });
});
