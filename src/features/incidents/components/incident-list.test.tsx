import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { createMockStore } from "@/mocks/store";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { parseFilters } from "../api/queries";
import { IncidentList } from "./incident-list";
import { printerCase } from "./printer-case.fixture";

const listPath = `*${contract.listIncidents.path}`;

const tableRows = async (name: RegExp) => {
  const table = await screen.findByRole("table", { name }, { timeout: 5000 });
  return within(table).getAllByRole("row").slice(1);
};

describe("IncidentList", () => {
  it("lists the three incidents with their case, chain and members affected, each linking to its page", async () => {
    renderWithProviders(<IncidentList />, { url: "/incidents" });
    const rows = await tableRows(/事故一覧\(3件\)/);
    expect(rows).toHaveLength(3);
    const [r1, r2, r3] = rows.map((r) => within(r));
    expect(r1?.getByRole("link", { name: "不正アクセスと情報漏洩の可能性" })).toHaveAttribute(
      "href",
      "/incidents/inc-1",
    );
    expect(r1?.getByText("団体保険制度の委託先における一連の事案(2025年)")).toBeInTheDocument();
    expect(r1?.getByText("会員")).toBeInTheDocument();
    expect(r1?.getByText("46名")).toBeInTheDocument();
    expect(r1?.getByText("2025年4月17日")).toBeInTheDocument();
    expect(r2?.getByRole("link", { name: "制度運営費の過請求" })).toHaveAttribute("href", "/incidents/inc-2");
    expect(r2?.getByText("1,860名")).toBeInTheDocument();
    expect(r2?.getByText("請求誤り")).toBeInTheDocument();
    expect(r3?.getByText("3名")).toBeInTheDocument();
    // A month-only first date stays month-only.
    expect(r3?.getByText("2025年7月")).toBeInTheDocument();
    // The agency is the contractor on the chain; the insurer shares the blame.
    expect(await r3?.findByText("損保ジャパンパートナーズ")).toBeInTheDocument();
    expect(r3?.getByText("ほかに責任を負う委託先: 損保ジャパン")).toBeInTheDocument();
  });

  it("reads its filters from the address and passes them to the API", async () => {
    const seen: string[] = [];
    server.events.on("request:start", ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname === contract.listIncidents.path)
        seen.push(new URL(request.url).search);
    });
    renderWithProviders(<IncidentList />, { url: "/incidents?category=billing_error&year=2025" });
    const rows = await tableRows(/事故一覧\(1件\)/);
    expect(rows).toHaveLength(1);
    expect(within(rows[0] as HTMLElement).getByText("制度運営費の過請求")).toBeInTheDocument();
    expect(screen.getByLabelText("種類")).toHaveValue("billing_error");
    expect(seen.some((s) => s.includes("category=billing_error") && s.includes("fiscalYear=2025"))).toBe(
      true,
    );
    server.events.removeAllListeners();
  });

  it("writes a chosen filter into the address and clears it again", async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<IncidentList />, { url: "/incidents" });
    await tableRows(/事故一覧\(3件\)/);
    await user.selectOptions(await screen.findByLabelText("委託先"), "partners");
    expect(router.state.location.search).toBe("?vendor=partners");
    const rows = await tableRows(/事故一覧\(1件\)/);
    expect(within(rows[0] as HTMLElement).getByText("保険料の二重請求")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "条件をクリア" }));
    expect(router.state.location.search).toBe("");
    expect(await tableRows(/事故一覧\(3件\)/)).toHaveLength(3);
  });

  it("ignores filter values the API would reject instead of failing", () => {
    expect(
      parseFilters(new URLSearchParams("category=nope&year=25&status=closed&vendor=Bad!&caseId=Bad!")),
    ).toEqual({
      status: "closed",
    });
    expect(parseFilters(new URLSearchParams("caseId=case-dm-2024"))).toEqual({ caseId: "case-dm-2024" });
    expect(parseFilters(new URLSearchParams("vendor=sompo&year=2025"))).toEqual({
      vendorId: "sompo",
      fiscalYear: 2025,
    });
  });

  it("says so when no incident matches", async () => {
    renderWithProviders(<IncidentList />, { url: "/incidents?status=closed" });
    expect(await screen.findByText(/条件に合う事故はありません/, {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it("filters by case from the address, and shows records and people of each population apart", async () => {
    server.use(...createHandlers(createMockStore(printerCase)));
    const user = userEvent.setup();
    const { router } = renderWithProviders(<IncidentList />, { url: "/incidents?caseId=case-dm-2024" });
    const rows = await tableRows(/事故一覧\(1件\)/);
    const row = within(rows[0] as HTMLElement);
    expect(screen.getByLabelText("事案")).toHaveValue("case-dm-2024");
    expect(row.getByText("ナミキBS → サクラ印刷")).toBeInTheDocument();
    // Two totals, never one sum: the customers' records and the members, none after checking.
    expect(row.getByText("顧客の記録")).toBeInTheDocument();
    expect(row.getByText("12,840件")).toBeInTheDocument();
    expect(row.getByText("組合員")).toBeInTheDocument();
    expect(row.getByText("確認の結果なし")).toBeInTheDocument();
    expect(row.queryByText(/13,000|25,840/)).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("事案"), "case-cc-2024");
    expect(router.state.location.search).toBe("?caseId=case-cc-2024");
    const other = await tableRows(/事故一覧\(1件\)/);
    expect(await within(other[0] as HTMLElement).findByText("書類の誤送付")).toBeInTheDocument();
  });

  it("shows an error with a retry that recovers", async () => {
    const user = userEvent.setup();
    server.use(http.get(listPath, () => HttpResponse.json(problem(500, "boom"), { status: 500 })));
    renderWithProviders(<IncidentList />, { url: "/incidents" });
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("データを読み込めませんでした");
    server.resetHandlers();
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    expect(await tableRows(/事故一覧\(3件\)/)).toHaveLength(3);
  });

  it("has English labels", async () => {
    renderWithProviders(<IncidentList />, { url: "/incidents", lang: "en" });
    const rows = await tableRows(/Incidents \(3\)/);
    expect(screen.getByRole("columnheader", { name: "Affected" })).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("members")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("1,860 people")).toBeInTheDocument();
    expect(
      within(rows[1] as HTMLElement).getByRole("link", { name: "Administration fee over-billed" }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Fiscal year")).toBeInTheDocument();
  });
});
