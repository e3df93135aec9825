import { fireEvent, screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { bpoChainDataset } from "../testing/bpo-chain-dataset";
import { VendorDetail } from "./vendor-detail";

/** The cells of the incidents table's row of one incident, by its number. */
const incidentRow = (table: HTMLElement, number: string) =>
  within(within(table).getByText(number).closest("tr") as HTMLElement)
    .getAllByRole("cell")
    .map((c) => c.textContent);

describe("VendorDetail with the demo record", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the insurer's services, incidents, yearly scorecard and regulatory timeline", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T03:00:00Z"));
    renderWithProviders(<VendorDetail vendorId="sompo" />, { url: "/vendors/sompo" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "損害保険ジャパン株式会社" }),
    ).toBeInTheDocument();
    expect(screen.getByText("保険会社")).toBeInTheDocument();

    const chain = screen.getByRole("region", { name: "委託関係" });
    expect(within(chain).getByText("本会が直接委託しています。")).toBeInTheDocument();
    expect(within(chain).getByText("記録された再委託先はありません。")).toBeInTheDocument();

    const services = screen.getByRole("region", { name: "担当するサービス" });
    expect(within(services).getByText("新・団体医療保険")).toBeInTheDocument();
    expect(within(services).getByText("親子のちから")).toBeInTheDocument();
    const topUp = within(services)
      .getByText("作業療法士賠償責任保険 上乗せ補償プラン")
      .closest("li") as HTMLElement;
    expect(topUp).toHaveTextContent("保険制度・対象:会員");
    expect(topUp).toHaveTextContent("ほかの担当:損保ジャパンパートナーズ");
    expect(within(topUp).getByText("日付のある変更")).toBeInTheDocument();
    expect(topUp).toHaveTextContent("2025年7月1日 3つのタイプから選択できる新制度に移行");

    const incidents = await screen.findByRole("table", { name: "損保ジャパンが関わった事故(3件)" });
    expect(within(incidents).getByRole("link", { name: "制度運営費の過請求" })).toHaveAttribute(
      "href",
      "/incidents/inc-2",
    );
    expect(incidentRow(incidents, "事故2")).toContain("会員 1,860名");
    expect(incidentRow(incidents, "事故2")).toContain("この委託先");
    // Incident 3 happened at the agency; the insurer is answerable for it too.
    expect(incidentRow(incidents, "事故3")).toContain("損保ジャパンパートナーズ(この委託先も責任を負う)");

    const card = await screen.findByTestId("scorecard-sompo-2025");
    expect(within(card).getByRole("heading", { level: 3 })).toHaveTextContent("2025年度");
    expect(within(card).getByText("83.5日")).toBeInTheDocument();

    const timeline = screen.getByRole("region", { name: /行政処分等の記録/ });
    const events = within(timeline).getAllByRole("listitem");
    expect(events).toHaveLength(5);
    // Newest first; every source is marked as outside the organisation's record.
    expect(events[0]).toHaveTextContent("2025年6月13日");
    expect(within(timeline).getByText("金額: 647,980,000円")).toBeInTheDocument();
    expect(within(timeline).getAllByText("記録外")).toHaveLength(6);
    // Of the insurer kind: the FSA's part is said here, and only here.
    expect(within(timeline).getByText(/金融庁が公表します/)).toBeInTheDocument();
    // As of 2026-11-27 only the two actions of 2025 fall in the 24 months.
    expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("2件");
  });

  it("shows the agency with one incident, no regulatory actions and nothing of the FSA", async () => {
    renderWithProviders(<VendorDetail vendorId="partners" />, { url: "/vendors/partners" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "損保ジャパンパートナーズ社" }),
    ).toBeInTheDocument();
    expect(screen.getByText("保険代理店")).toBeInTheDocument();
    const incidents = await screen.findByRole("table", {
      name: "損保ジャパンパートナーズが関わった事故(1件)",
    });
    expect(within(incidents).getByRole("link", { name: "保険料の二重請求" })).toBeInTheDocument();
    expect(
      screen.getByText("この委託先に対する公表された行政処分等の記録はありません。"),
    ).toBeInTheDocument();
    expect(screen.queryByText(/金融庁/)).not.toBeInTheDocument();
    const card = await screen.findByTestId("scorecard-partners-2025");
    expect(within(card).getAllByText("未報告").length).toBeGreaterThanOrEqual(3);
  });

  it("takes the page as of ?asOf and keeps the day on its links", async () => {
    renderWithProviders(<VendorDetail vendorId="sompo" />, { url: "/vendors/sompo?asOf=2024-12-31" });
    await screen.findByRole("heading", { level: 1, name: "損害保険ジャパン株式会社" });
    expect(screen.getByText(/2024年12月31日時点の記録で集計しています/)).toBeInTheDocument();
    expect(await screen.findByText("この委託先が関わった事故は記録にありません。")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← 委託先の一覧に戻る" })).toHaveAttribute(
      "href",
      "/vendors?asOf=2024-12-31",
    );
    // Three actions had been published by then.
    expect(
      within(screen.getByRole("region", { name: /行政処分等の記録/ })).getAllByRole("listitem"),
    ).toHaveLength(3);
  });

  it("says so when the vendor does not exist", async () => {
    renderWithProviders(<VendorDetail vendorId="nobody" />, { url: "/vendors/nobody" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "委託先が見つかりません" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← 委託先の一覧に戻る" })).toHaveAttribute("href", "/vendors");
  });

  it("shows an error with a retry when the server fails", async () => {
    server.use(
      http.get(`*${contract.getVendor.path}`, () => HttpResponse.json(problem(500, "boom"), { status: 500 })),
    );
    renderWithProviders(<VendorDetail vendorId="sompo" />, { url: "/vendors/sompo" });
    const alert = await screen.findByRole("alert");
    expect(screen.queryByText("委託先が見つかりません")).not.toBeInTheDocument();
    server.resetHandlers();
    fireEvent.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "損害保険ジャパン株式会社" }),
    ).toBeInTheDocument();
  });

  it("reads in English", async () => {
    renderWithProviders(<VendorDetail vendorId="sompo" />, { url: "/vendors/sompo", lang: "en" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Sompo Japan Insurance Inc." }),
    ).toBeInTheDocument();
    expect(await screen.findByText("Amount: ¥647,980,000")).toBeInTheDocument();
    expect(
      await screen.findByRole("table", { name: "Incidents involving Sompo Japan (3)" }),
    ).toBeInTheDocument();
    expect(screen.getByText("The organisation contracts with this vendor directly.")).toBeInTheDocument();
  });
});

describe("VendorDetail with a contractor and its subcontractor", () => {
  beforeEach(() => {
    server.use(...createHandlers(bpoChainDataset));
  });

  it("shows the contractor's subcontractor and the incident that happened down its chain", async () => {
    renderWithProviders(<VendorDetail vendorId="bpo" />, { url: "/vendors/bpo?asOf=2025-10-15" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "架空BPOサービス株式会社" }),
    ).toBeInTheDocument();
    expect(screen.getByText("業務委託先(BPO)")).toBeInTheDocument();
    const chain = screen.getByRole("region", { name: "委託関係" });
    expect(within(chain).getByText("本会が直接委託しています。")).toBeInTheDocument();
    const subs = within(chain).getByRole("list");
    expect(within(subs).getByRole("link", { name: "架空印刷" })).toHaveAttribute(
      "href",
      "/vendors/printer?asOf=2025-10-15",
    );
    expect(subs).toHaveTextContent("印刷・発送業者");

    const services = screen.getByRole("region", { name: "担当するサービス" });
    const dm = within(services).getByText("利用者へのダイレクトメール発送").closest("li") as HTMLElement;
    expect(dm).toHaveTextContent("印刷・発送(DM等)・対象:利用者");
    expect(dm).toHaveTextContent("ほかの担当:架空印刷");

    const incidents = await screen.findByRole("table", { name: "架空BPOが関わった事故(1件)" });
    const row = incidentRow(incidents, "事故1");
    expect(row).toContain("再委託先:架空印刷");
    expect(row).toContain("組合員 未報告利用者の記録 12,000件");
    // The press figure stays beside the table, marked.
    const section = screen.getByRole("region", { name: "関わった事故" });
    const outside = within(section).getByText("記録外の数値(合計に含まない)").closest("div") as HTMLElement;
    expect(outside).toHaveTextContent("事故1 利用者の記録 15,000件");
    expect(within(outside).getByText("記録外")).toBeInTheDocument();

    const card = await screen.findByTestId("scorecard-bpo-2025");
    expect(within(card).getByText("再委託先で発生:架空印刷")).toBeInTheDocument();
    // A contractor of another kind than insurer: nothing of the FSA.
    expect(screen.queryByText(/金融庁/)).not.toBeInTheDocument();
  });

  it("shows whom the subcontractor works for and the route from the organisation down to it", async () => {
    renderWithProviders(<VendorDetail vendorId="printer" />, { url: "/vendors/printer" });
    expect(await screen.findByRole("heading", { level: 1, name: "架空印刷株式会社" })).toBeInTheDocument();
    const chain = screen.getByRole("region", { name: "委託関係" });
    expect(
      within(chain).getByText("架空BPOから再委託を受けて、本会の業務を行っています。"),
    ).toBeInTheDocument();
    const route = within(chain).getByText("委託の経路").nextElementSibling as HTMLElement;
    expect(route).toHaveTextContent("本会 → 架空BPO → 架空印刷(この委託先)");
    expect(within(route).getByRole("link", { name: "架空BPO" })).toHaveAttribute("href", "/vendors/bpo");
    expect(within(chain).getByText("記録された再委託先はありません。")).toBeInTheDocument();
    const incidents = await screen.findByRole("table", { name: "架空印刷が関わった事故(1件)" });
    expect(incidentRow(incidents, "事故1")).toContain("この委託先");
  });

  it("shows the call centre's incident where no one was affected as 確認の結果なし", async () => {
    renderWithProviders(<VendorDetail vendorId="callcentre" />, { url: "/vendors/callcentre" });
    const incidents = await screen.findByRole("table", { name: "架空コールセンターが関わった事故(1件)" });
    expect(incidentRow(incidents, "事故2")).toContain("組合員 確認の結果なし");
    expect(incidentRow(incidents, "事故2")).toContain("完了");
  });
});
