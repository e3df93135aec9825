import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { VendorScorecards } from "./vendor-scorecards";

/** The `dd` of one labelled metric inside a card, so a figure is checked where it is shown. */
const metric = (card: HTMLElement, label: string) => {
  const dt = within(card).getByText(label, { selector: "dt" });
  const box = dt.parentElement;
  if (!box) throw new Error(`no metric box for ${label}`);
  return box;
};

const card = async (vendorId: string, year: number) => screen.findByTestId(`scorecard-${vendorId}-${year}`);

describe("VendorScorecards", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows Sompo's FY2025 scorecard with the record's figures and medians", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025" });
    const sompo = await card("sompo", 2025);
    await waitFor(() =>
      expect(within(sompo).getByRole("heading", { level: 3 })).toHaveTextContent("損保ジャパン"),
    );
    await waitFor(() =>
      expect(within(sompo).getByRole("heading", { level: 3 })).toHaveTextContent("保険会社"),
    );
    expect(within(metric(sompo, "事故件数")).getByText("3件")).toBeInTheDocument();
    expect(within(metric(sompo, "影響を受けた会員(報告分)")).getByText("1,909名")).toBeInTheDocument();
    // 81 = median of 123 (inc-1) and 39 (inc-2); inc-3 has only a month for its occurrence.
    const occToAssoc = metric(sompo, "発生 → 協会へ文書で報告");
    expect(within(occToAssoc).getByText("81日")).toBeInTheDocument();
    expect(within(occToAssoc).getByText("事故2件の中央値")).toBeInTheDocument();
    // inc-1's occurrence date comes from the press, outside the association's record.
    expect(within(occToAssoc).getByText("記録外の日付を含む")).toBeInTheDocument();
    expect(within(metric(sompo, "発生 → 理事会へ報告")).getByText("83.5日")).toBeInTheDocument();
    const detToAssoc = metric(sompo, "検知 → 協会へ文書で報告");
    expect(within(detToAssoc).getByText("119日")).toBeInTheDocument();
    expect(within(detToAssoc).getByText("事故1件の日数")).toBeInTheDocument();
    // Corrections: 6 + 1,854 put right of 1,909; the 46 letters and 3 refunds have no reported count.
    const remediation = metric(sompo, "是正の完了(委託先の報告)");
    expect(within(remediation).getByText("1,860名")).toBeInTheDocument();
    expect(within(remediation).getByText("/ 対象 1,909名")).toBeInTheDocument();
    expect(within(remediation).getByText("進捗未報告 49名")).toBeInTheDocument();
    // Five commitments, none with a due date: on-time/overdue is not judged as 0.
    const commitments = metric(sompo, "約束・要求の履行");
    expect(within(commitments).getByText("5件")).toBeInTheDocument();
    expect(
      within(commitments).getByText("5件すべてに期限の定めがないため、期限内の履行・超過は判定できません"),
    ).toBeInTheDocument();
    expect(within(sompo).getByRole("link", { name: "損保ジャパンの詳細" })).toHaveAttribute(
      "href",
      "/vendors/sompo",
    );
    expect(within(metric(sompo, "事故件数")).getAllByRole("link")).toHaveLength(3);
  });

  it("shows the agency's single incident and 未報告 (never 0) where no incident has both dates", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025" });
    const partners = await card("partners", 2025);
    await waitFor(() =>
      expect(within(partners).getByRole("heading", { level: 3 })).toHaveTextContent("保険代理店"),
    );
    expect(within(metric(partners, "事故件数")).getByText("1件")).toBeInTheDocument();
    expect(within(metric(partners, "影響を受けた会員(報告分)")).getByText("3名")).toBeInTheDocument();
    for (const span of ["発生 → 協会へ文書で報告", "検知 → 協会へ文書で報告", "発生 → 理事会へ報告"]) {
      const m = metric(partners, span);
      expect(within(m).getByText("未報告")).toBeInTheDocument();
      expect(within(m).getByText("両方の日付がそろった事故なし")).toBeInTheDocument();
      expect(within(m).queryByText(/^0/)).not.toBeInTheDocument();
    }
    const remediation = metric(partners, "是正の完了(委託先の報告)");
    expect(within(remediation).getByText("未報告")).toBeInTheDocument();
    expect(within(remediation).queryByText("0名")).not.toBeInTheDocument();
    expect(within(remediation).getByText("進捗未報告 3名")).toBeInTheDocument();
  });

  it("compares both vendors in a table with CSV export, medians 未報告 for the agency", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025" });
    const table = await screen.findByRole("table", { name: "スコアカード一覧(委託先・年度 2列)" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["項目", "損保ジャパン 2025年度", "損保ジャパンパートナーズ 2025年度"]);
    const cells = (label: string) => {
      const row = within(table).getByText(label).closest("tr") as HTMLElement;
      return within(row)
        .getAllByRole("cell")
        .slice(1)
        .map((c) => c.textContent);
    };
    expect(cells("事故件数")).toEqual(["3", "1"]);
    expect(cells("影響を受けた会員(報告分)")).toEqual(["1,909名", "3名"]);
    expect(cells("発生→協会報告(中央値)")).toEqual(["81日", "未報告"]);
    expect(cells("検知→協会報告(中央値)")).toEqual(["119日", "未報告"]);
    expect(cells("発生→理事会報告(中央値)")).toEqual(["83.5日", "未報告"]);
    expect(cells("是正済み")).toEqual(["1,860名", "未報告"]);
    expect(cells("進捗未報告")).toEqual(["49名", "3名"]);
    expect(cells("約束・要求")).toEqual(["5", "1"]);
    expect(cells("期限の定めあり")).toEqual(["0", "0"]);
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
    const fsa = within(table).getByText("2024年1月25日").closest("tr") as HTMLElement;
    expect(within(fsa).getByText("2024年3月15日")).toBeInTheDocument();
    expect(within(fsa).getByText("記載なし")).toBeInTheDocument();
    expect(within(table).getAllByText("記録外")).toHaveLength(5);
    expect(screen.getByText("損保ジャパン 5件")).toBeInTheDocument();
    expect(screen.getByText("損保ジャパンパートナーズ 0件")).toBeInTheDocument();
    const sompo = await card("sompo", 2025);
    expect(within(metric(sompo, "公表された行政処分等(過去24か月)")).getByText("5件")).toBeInTheDocument();
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

  it("keeps the fiscal year in the address", async () => {
    const { router } = renderWithProviders(<VendorScorecards />, { url: "/vendors" });
    const select = await screen.findByLabelText("年度");
    await screen.findByTestId("scorecard-sompo-2025");
    fireEvent.change(select, { target: { value: "2025" } });
    await waitFor(() => expect(router.state.location.search).toBe("?fy=2025"));
    fireEvent.change(select, { target: { value: "" } });
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("shows zero incidents for a year without any, and no median as 未報告", async () => {
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2024" });
    const sompo = await card("sompo", 2024);
    expect(within(metric(sompo, "事故件数")).getByText("0件")).toBeInTheDocument();
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
    renderWithProviders(<VendorScorecards />, { url: "/vendors?fy=2025", lang: "en" });
    const sompo = await card("sompo", 2025);
    await waitFor(() =>
      expect(within(sompo).getByRole("heading", { level: 3 })).toHaveTextContent("Sompo Japan"),
    );
    expect(
      within(metric(sompo, "Members affected (reported)")).getByText("1,909 members"),
    ).toBeInTheDocument();
    expect(
      within(metric(sompo, "Occurrence → report to the board")).getByText("83.5 days"),
    ).toBeInTheDocument();
    const partners = await card("partners", 2025);
    expect(
      within(metric(partners, "Detection → written report to the association")).getByText("Not reported"),
    ).toBeInTheDocument();
    expect(await screen.findByText("¥647,980,000")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Vendor scorecards by fiscal year");
  });
});
