import { fireEvent, screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { VendorDetail } from "./vendor-detail";

describe("VendorDetail", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows Sompo's schemes, incidents, yearly scorecard and regulatory timeline", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T03:00:00Z"));
    renderWithProviders(<VendorDetail vendorId="sompo" />, { url: "/vendors/sompo" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "損害保険ジャパン株式会社" }),
    ).toBeInTheDocument();
    expect(screen.getByText("保険会社")).toBeInTheDocument();

    const services = screen.getByRole("region", { name: "担当する保険制度" });
    expect(await within(services).findByText("新・団体医療保険")).toBeInTheDocument();
    expect(within(services).getByText("親子のちから")).toBeInTheDocument();
    expect(within(services).getAllByRole("listitem")).toHaveLength(3);

    const incidents = await screen.findByRole("table", { name: "損保ジャパンが関わった事故(3件)" });
    expect(within(incidents).getByRole("link", { name: "制度運営費の過請求" })).toHaveAttribute(
      "href",
      "/incidents/inc-2",
    );
    expect(within(incidents).getByText("1,860名")).toBeInTheDocument();

    const card = await screen.findByTestId("scorecard-sompo-2025");
    expect(within(card).getByRole("heading", { level: 3 })).toHaveTextContent("2025年度");
    expect(within(card).getByText("83.5日")).toBeInTheDocument();

    const timeline = screen.getByRole("region", { name: /行政処分等の記録/ });
    const events = within(timeline).getAllByRole("listitem");
    expect(events).toHaveLength(5);
    // Newest first; every source is marked as outside the association's record.
    expect(events[0]).toHaveTextContent("2025年6月13日");
    expect(within(timeline).getByText("金額: 647,980,000円")).toBeInTheDocument();
    expect(within(timeline).getAllByText("記録外")).toHaveLength(6);
    // As of 2026-11-27 only the two actions of 2025 fall in the 24 months.
    expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("2件");
  });

  it("shows the agency with one incident and no regulatory actions", async () => {
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
    const card = await screen.findByTestId("scorecard-partners-2025");
    expect(within(card).getAllByText("未報告").length).toBeGreaterThanOrEqual(3);
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
  });
});
