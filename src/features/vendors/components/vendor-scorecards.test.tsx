import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderApp, renderWithProviders } from "@/test/render";
import { bpoChainDataset } from "../testing/bpo-chain-dataset";
import { VendorScorecards } from "./vendor-scorecards";

/** The `dd` of one labelled metric inside a card, so a figure is checked where it is shown. */
const metric = (card: HTMLElement, label: string) => {
  const dt = within(card).getByText(label, { selector: "dt" });
  const box = dt.parentElement;
  if (!box) throw new Error(`no metric box for ${label}`);
  return box;
};

const card = async (vendorId: string, year: number) => screen.findByTestId(`scorecard-${vendorId}-${year}`);

/** One row of totals in a card's list: its label and its value, as a reader reads them. */
const totals = (box: HTMLElement) =>
  within(box)
    .getAllByRole("listitem")
    .map((li) => li.textContent);

/** The text of the cells of one measure in the side-by-side table, vendor-years left to right. */
const cells = (table: HTMLElement, label: string) => {
  const row = within(table).getByText(label, { selector: "td" }).closest("tr") as HTMLElement;
  return within(row)
    .getAllByRole("cell")
    .slice(1)
    .map((c) => c.textContent);
};

const useBpoRecord = () => server.use(...createHandlers(bpoChainDataset));

describe("VendorScorecards with the demo record", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the insurer's FY2025 scorecard with the record's figures and medians", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025&asOf=2025-09-30" });
    const sompo = await card("sompo", 2025);
    const heading = within(sompo).getByRole("heading", { level: 3 });
    expect(heading).toHaveTextContent("損保ジャパン");
    // The kind is the organisation's own word for it, from its settings.
    expect(heading).toHaveTextContent("保険会社");
    expect(within(sompo).getByText("本会と直接契約")).toBeInTheDocument();
    expect(within(metric(sompo, "事故件数")).getByText("3件")).toBeInTheDocument();
    expect(within(metric(sompo, "事故件数")).queryByText(/うち再委託先/)).not.toBeInTheDocument();
    expect(totals(metric(sompo, "影響を受けた人・記録(延べ)"))[0]).toBe("会員 1,909名");
    // 81 = median of 123 (inc-1) and 39 (inc-2); inc-3 has only a month for its occurrence.
    const occToOrg = metric(sompo, "発生 → 本会へ文書で報告");
    expect(within(occToOrg).getByText("81日")).toBeInTheDocument();
    expect(within(occToOrg).getByText("事故2件の中央値")).toBeInTheDocument();
    // inc-1's occurrence date comes from the press, outside the record.
    expect(within(occToOrg).getByText("記録外の日付を含む")).toBeInTheDocument();
    expect(within(metric(sompo, "発生 → 理事会へ報告")).getByText("83.5日")).toBeInTheDocument();
    const detToOrg = metric(sompo, "検知 → 本会へ文書で報告");
    expect(within(detToOrg).getByText("119日")).toBeInTheDocument();
    expect(within(detToOrg).getByText("事故1件の日数")).toBeInTheDocument();
    // Money put right (6 + 1,854 of 1,863) and letters (46, progress not reported) are separate rows.
    const remediation = metric(sompo, "是正と通知(委託先の報告)");
    const [money, letters] = within(remediation).getAllByRole("listitem");
    expect(money).toHaveTextContent("金銭の是正・会員");
    expect(within(money as HTMLElement).getByText("1,860名")).toBeInTheDocument();
    expect(money).toHaveTextContent("是正済み / 対象 1,863名");
    expect(within(money as HTMLElement).getByText("進捗未報告 3名")).toBeInTheDocument();
    expect(money).toHaveTextContent("金額 372,000円 / 372,000円");
    expect(letters).toHaveTextContent("本人への通知・会員");
    expect(within(letters as HTMLElement).getByText("未報告")).toBeInTheDocument();
    expect(letters).toHaveTextContent("送付済み / 対象 46名");
    expect(letters).not.toHaveTextContent("是正済み");
    expect(letters).not.toHaveTextContent("円");
    // Five commitments, none with a due date: on-time/overdue is not judged as 0.
    const commitments = metric(sompo, "約束・要求の履行");
    expect(within(commitments).getByText("5件")).toBeInTheDocument();
    expect(
      within(commitments).getByText("5件すべてに期限の定めがないため、期限内の履行・超過は判定できません"),
    ).toBeInTheDocument();
    expect(within(sompo).getByRole("link", { name: "損保ジャパンの詳細" })).toHaveAttribute(
      "href",
      "/vendors/sompo?asOf=2025-09-30",
    );
    expect(within(metric(sompo, "事故件数")).getAllByRole("link")).toHaveLength(3);
  });

  it("keeps a figure from outside the record beside the totals, marked, and out of them", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025&asOf=2025-09-30" });
    const affected = metric(await card("sompo", 2025), "影響を受けた人・記録(延べ)");
    const outside = within(affected).getByText("記録外の数値(合計に含まない)").closest("div") as HTMLElement;
    expect(within(outside).getByText("記録外")).toBeInTheDocument();
    expect(outside).toHaveTextContent("事故1");
    // The record's own totals are people of one population only: the outside count of records is not one.
    expect(within(affected).getAllByRole("list")[0]?.children).toHaveLength(1);
  });

  it("shows the agency's single incident and 未報告 (never 0) where nothing was reported", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025&asOf=2025-09-30" });
    const partners = await card("partners", 2025);
    expect(within(partners).getByRole("heading", { level: 3 })).toHaveTextContent("保険代理店");
    expect(within(metric(partners, "事故件数")).getByText("1件")).toBeInTheDocument();
    expect(totals(metric(partners, "影響を受けた人・記録(延べ)"))).toEqual(["会員 3名"]);
    for (const span of ["発生 → 本会へ文書で報告", "検知 → 本会へ文書で報告", "発生 → 理事会へ報告"]) {
      const m = metric(partners, span);
      expect(within(m).getByText("未報告")).toBeInTheDocument();
      expect(within(m).getByText("両方の日付がそろった事故なし")).toBeInTheDocument();
      expect(within(m).queryByText(/^0/)).not.toBeInTheDocument();
    }
    const remediation = metric(partners, "是正と通知(委託先の報告)");
    expect(within(remediation).getByText("未報告")).toBeInTheDocument();
    expect(within(remediation).queryByText("0名")).not.toBeInTheDocument();
    expect(within(remediation).getByText("進捗未報告 3名")).toBeInTheDocument();
  });

  it("compares the vendors in a table with CSV export, one row per population and purpose", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025&asOf=2025-09-30" });
    const table = await screen.findByRole("table", { name: "スコアカード一覧(委託先・年度 2列)" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["項目", "損保ジャパン 2025年度", "損保ジャパンパートナーズ 2025年度"]);
    expect(cells(table, "種類")).toEqual(["保険会社", "保険代理店"]);
    expect(cells(table, "事故件数")).toEqual(["3", "1"]);
    expect(cells(table, "影響を受けた会員(名)")).toEqual(["1,909名", "3名"]);
    expect(cells(table, "発生→本会報告(中央値)")).toEqual(["81日", "未報告"]);
    expect(cells(table, "検知→本会報告(中央値)")).toEqual(["119日", "未報告"]);
    expect(cells(table, "発生→理事会報告(中央値)")).toEqual(["83.5日", "未報告"]);
    expect(cells(table, "金銭の是正・会員:是正済み")).toEqual(["1,860名", "未報告"]);
    expect(cells(table, "金銭の是正・会員:進捗未報告")).toEqual(["3名", "3名"]);
    // The agency's refunds have no amount per person: unknown yen, not 0円.
    expect(cells(table, "金銭の是正・会員:金額(是正済み / 対象)")[1]).toBe("未報告");
    expect(cells(table, "本人への通知・会員:送付済み")).toEqual(["未報告", "該当なし"]);
    expect(within(table).queryByText("本人への通知・会員:金額(是正済み / 対象)")).not.toBeInTheDocument();
    expect(cells(table, "約束・要求")).toEqual(["5", "1"]);
    expect(cells(table, "期限の定めあり")).toEqual(["0", "0"]);
    expect(screen.getAllByRole("button", { name: "CSVを書き出す" }).length).toBeGreaterThanOrEqual(2);
  });

  it("lists the published regulatory actions, marked outside the record, counted over 24 months", async () => {
    // 24 months back from 2025-09-30 reaches past 2023-12-26: all five actions count.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-09-30T03:00:00Z"));
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025" });
    const table = await screen.findByRole("table", { name: "公表されている行政処分等(5件、新しい順)" });
    const jftc = within(table).getByText("647,980,000円").closest("tr") as HTMLElement;
    expect(within(jftc).getByText("2024年10月31日")).toBeInTheDocument();
    expect(within(jftc).getByText("公正取引委員会")).toBeInTheDocument();
    expect(within(jftc).getByText("記録外")).toBeInTheDocument();
    expect(within(jftc).getByText("該当")).toBeInTheDocument();
    expect(within(table).getAllByText("記録外")).toHaveLength(5);
    expect(screen.getByText("損保ジャパン 5件")).toBeInTheDocument();
    expect(screen.getByText("損保ジャパンパートナーズ 0件")).toBeInTheDocument();
    const sompo = await card("sompo", 2025);
    const regulatory = metric(sompo, "公表された行政処分等(過去24か月)");
    expect(within(regulatory).getByText("5件")).toBeInTheDocument();
    expect(within(regulatory).getByText("記録外")).toBeInTheDocument();
    // The general lead names no authority of one trade and no organisation's documents.
    expect(screen.queryByText(/金融庁・/)).not.toBeInTheDocument();
    expect(screen.queryByText(/資料1/)).not.toBeInTheDocument();
  });

  it("counts only the actions of the last 24 months as of today", async () => {
    // From 2026-11-27 the window starts after 2024-11-27: only 2025-03-24 and 2025-06-13 remain.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T03:00:00Z"));
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025" });
    expect(await screen.findByText("損保ジャパン 2件")).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: /公表されている行政処分等/ });
    const jftc = within(table).getByText("647,980,000円").closest("tr") as HTMLElement;
    expect(within(jftc).getByText("期間外")).toBeInTheDocument();
    const sompo = await card("sompo", 2025);
    expect(within(metric(sompo, "公表された行政処分等(過去24か月)")).getByText("2件")).toBeInTheDocument();
  });

  it("takes the record as it stood on ?asOf: later actions and incidents are left out, and it says so", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?asOf=2024-12-31" });
    expect(await screen.findByText("この条件で集計できる事故はありません。")).toBeInTheDocument();
    expect(
      screen.getByText(
        "2024年12月31日時点の記録で集計しています。それより後の日付の事故・報告・約束・行政処分等は含みません。",
      ),
    ).toBeInTheDocument();
    // The 2025 actions were not published yet.
    expect(
      await screen.findByRole("table", { name: "公表されている行政処分等(3件、新しい順)" }),
    ).toBeInTheDocument();
    expect(screen.getByText("損保ジャパン 3件")).toBeInTheDocument();
  });

  it("keeps the fiscal year and the as-of day in the address", async () => {
    const { router } = renderWithProviders(<VendorScorecards />, { url: "/vendors" });
    const select = await screen.findByLabelText("年度");
    await screen.findByTestId("scorecard-sompo-2025");
    fireEvent.change(select, { target: { value: "2025" } });
    await waitFor(() => expect(router.state.location.search).toBe("?fy=2025"));
    fireEvent.change(screen.getByLabelText("集計の時点"), { target: { value: "2025-08-31" } });
    await waitFor(() => expect(router.state.location.search).toBe("?fy=2025&asOf=2025-08-31"));
    expect(await screen.findByText("2025年度 ・ 2025年8月31日時点の集計")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "条件をクリア" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("shows zero incidents for a year without any, and no median as 未報告", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2024" });
    const sompo = await card("sompo", 2024);
    expect(within(metric(sompo, "事故件数")).getByText("0件")).toBeInTheDocument();
    expect(
      within(metric(sompo, "影響を受けた人・記録(延べ)")).getByText("この年度の事故なし"),
    ).toBeInTheDocument();
    expect(within(metric(sompo, "発生 → 理事会へ報告")).getByText("未報告")).toBeInTheDocument();
    expect(within(metric(sompo, "約束・要求の履行")).getByText("約束・要求なし")).toBeInTheDocument();
  });

  it("shows an error with a retry that recovers", async () => {
    server.use(
      http.get(`*${contract.getVendorScorecards.path}`, () =>
        HttpResponse.json(problem(500, "boom"), { status: 500 }),
      ),
    );
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("データを読み込めませんでした");
    server.resetHandlers();
    fireEvent.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(await card("sompo", 2025)).toBeInTheDocument();
  });

  it("reads in English", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025&asOf=2025-09-30", lang: "en" });
    const sompo = await card("sompo", 2025);
    expect(within(sompo).getByRole("heading", { level: 3 })).toHaveTextContent("Sompo Japan");
    expect(within(sompo).getByRole("heading", { level: 3 })).toHaveTextContent("Insurer");
    expect(totals(metric(sompo, "People and records affected (cumulative)"))[0]).toBe(
      "members: 1,909 people",
    );
    expect(
      within(metric(sompo, "Occurrence → report to the board")).getByText("83.5 days"),
    ).toBeInTheDocument();
    const letters = within(metric(sompo, "Corrections and notices (vendor's report)")).getAllByRole(
      "listitem",
    )[1] as HTMLElement;
    expect(letters).toHaveTextContent("People notified · members");
    expect(letters).toHaveTextContent("sent of 46 people");
    const partners = await card("partners", 2025);
    expect(
      within(metric(partners, "Detection → written report to the organisation")).getByText("Not reported"),
    ).toBeInTheDocument();
    expect(await screen.findByText("¥647,980,000")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(
      "Vendors and scorecards by fiscal year",
    );
  });
});

describe("VendorScorecards with a contractor, its subcontractor and a call centre", () => {
  it("counts the printer's incident on its own card and under the contractor, marked as at the subcontractor", async () => {
    useBpoRecord();
    renderWithProviders(<VendorScorecards />, { url: "/vendors?asOf=2025-10-15" });
    const bpo = await card("bpo", 2025);
    expect(within(bpo).getByRole("heading", { level: 3 })).toHaveTextContent("業務委託先(BPO)");
    expect(within(bpo).getByText("本会と直接契約")).toBeInTheDocument();
    const bpoIncidents = metric(bpo, "事故件数");
    expect(within(bpoIncidents).getByText("1件")).toBeInTheDocument();
    expect(within(bpoIncidents).getByText("うち再委託先で発生 1件")).toBeInTheDocument();
    expect(within(bpoIncidents).getByText("再委託先で発生:架空印刷")).toBeInTheDocument();

    const printer = await card("printer", 2025);
    expect(within(printer).getByRole("heading", { level: 3 })).toHaveTextContent("印刷・発送業者");
    expect(within(printer).getByText("架空BPOの再委託先")).toBeInTheDocument();
    const printerIncidents = metric(printer, "事故件数");
    expect(within(printerIncidents).getByText("1件")).toBeInTheDocument();
    expect(within(printerIncidents).queryByText(/うち再委託先/)).not.toBeInTheDocument();
    expect(within(printerIncidents).queryByText(/再委託先で発生/)).not.toBeInTheDocument();
    expect(within(printerIncidents).getByText("委託の経路:架空BPO → 架空印刷")).toBeInTheDocument();
  });

  it("never adds people to records nor one population to another, and keeps the press figure apart", async () => {
    useBpoRecord();
    renderWithProviders(<VendorScorecards />, { url: "/vendors?asOf=2025-10-15" });
    const affected = metric(await card("bpo", 2025), "影響を受けた人・記録(延べ)");
    // Members' count never reported: 未報告, not 0; customers' records in 件, on their own line.
    expect(totals(affected).slice(0, 2)).toEqual(["組合員 未報告", "利用者の記録 12,000件"]);
    expect(
      within(affected).getByText("人数(名)と件数(件)、対象の異なる人々は合算せず、別々に示します。"),
    ).toBeInTheDocument();
    expect(within(affected).getByText("影響の数値が未報告の事故 1件:事故1")).toBeInTheDocument();
    // 15,000 from the press is beside, marked, and not in the 12,000.
    const outside = within(affected).getByText("記録外の数値(合計に含まない)").closest("div") as HTMLElement;
    expect(outside).toHaveTextContent("事故1 利用者の記録 15,000件");
    expect(affected).not.toHaveTextContent("27,000");
    expect(affected).not.toHaveTextContent("12,000名");
  });

  it("shows letters sent apart from money put right, per population, and 確認の結果なし as its own state", async () => {
    useBpoRecord();
    renderWithProviders(<VendorScorecards />, { url: "/vendors?asOf=2025-10-15" });
    const rows = within(metric(await card("bpo", 2025), "是正と通知(委託先の報告)")).getAllByRole("listitem");
    expect(rows.map((r) => r.dataset.purpose)).toEqual(["financial", "notification"]);
    expect(rows[0]).toHaveTextContent("金銭の是正・組合員");
    expect(within(rows[0] as HTMLElement).getByText("未報告")).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent("是正済み / 対象 300名");
    expect(rows[1]).toHaveTextContent("本人への通知・利用者");
    expect(rows[1]).toHaveTextContent("8,000名 送付済み / 対象 11,500名");
    expect(rows[1]).not.toHaveTextContent("是正済み");
    expect(rows[1]).not.toHaveTextContent("円");
    // The contractor's promise was due on 2025-09-30 and is still open.
    expect(
      within(metric(await card("bpo", 2025), "約束・要求の履行")).getByText("1件", { selector: ".overdue" }),
    ).toBeInTheDocument();

    const callCentre = await card("callcentre", 2025);
    expect(totals(metric(callCentre, "影響を受けた人・記録(延べ)"))).toEqual(["組合員 確認の結果なし"]);
    expect(
      within(metric(callCentre, "是正と通知(委託先の報告)")).getByText("是正・通知の対象グループなし"),
    ).toBeInTheDocument();
  });

  it("lists every vendor under the one it works for, and leaves out what came after ?asOf", async () => {
    useBpoRecord();
    renderWithProviders(<VendorScorecards />, { url: "/vendors?asOf=2025-07-01" });
    await card("bpo", 2025);
    // The call centre's mis-sending (August) had not happened yet.
    expect(screen.queryByTestId("scorecard-callcentre-2025")).not.toBeInTheDocument();
    const directory = await screen.findByRole("table", { name: "委託先(3件)" });
    const rows = within(directory).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual([
      "架空BPO",
      "└ 架空印刷",
      "架空コールセンター",
    ]);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["└ 架空印刷", "印刷・発送業者", "架空BPO", "", "利用者へのダイレクトメール発送"]);
    expect(within(rows[0] as HTMLElement).getByRole("link", { name: "架空BPO" })).toHaveAttribute(
      "href",
      "/vendors/bpo?asOf=2025-07-01",
    );
  });

  it("names the organisation in its own words and no insurer anywhere", async () => {
    useBpoRecord();
    renderApp("/vendors?asOf=2025-10-15");
    const bpo = await card("bpo", 2025);
    await waitFor(() => expect(within(bpo).getByText("本組合と直接契約")).toBeInTheDocument());
    const main = screen.getByRole("main");
    expect(main).not.toHaveTextContent(/保険|金融庁|協会|会員/);
  });
});
