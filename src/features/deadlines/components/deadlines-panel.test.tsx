import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { renderWithProviders } from "@/test/render";
import { DeadlinesPanel } from "./deadlines-panel";

const SLOW = { timeout: 5000 };

const figure = async (name: string) => within(await screen.findByRole("group", { name }, SLOW));

describe("DeadlinesPanel (overview)", () => {
  it("asks only for the rows it shows, however many deadlines the record holds", async () => {
    const asked: string[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === contract.listDeadlines.path) asked.push(url.searchParams.get("limit") ?? "");
    });
    try {
      renderWithProviders(<DeadlinesPanel asOf="2025-11-24" />);
      await figure("期限超過");
    } finally {
      server.events.removeAllListeners();
    }
    expect(asked).toEqual(["4"]);
  });

  it("puts the counts first: 2 overdue and 1 due within 14 days on 2025-11-24 (board reports), 6 not reported", async () => {
    renderWithProviders(<DeadlinesPanel asOf="2025-11-24" />);
    expect((await figure("期限超過")).getByText("2件")).toBeInTheDocument();
    expect((await figure("14日以内に期限")).getByText("1件")).toBeInTheDocument();
    expect((await figure("実施日が未報告・未記録")).getByText("6件")).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "対応が必要な期限" });
    const rows = within(list).getAllByRole("listitem");
    // Overdue first, then due soon; unreported ones fill the rest of the short list.
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent("期限超過");
    expect(rows[0]).toHaveTextContent("理事会への報告(3か月ごと)");
    expect(rows[0]).toHaveTextContent("2025年11月23日");
    expect(rows[0]).toHaveTextContent("1日超過");
    expect(rows[2]).toHaveTextContent("期限間近");
    expect(rows[2]).toHaveTextContent("あと11日");
    expect(within(rows[2] as HTMLElement).getByRole("link", { name: "保険料の二重請求" })).toHaveAttribute(
      "href",
      "/incidents/inc-3",
    );
    // The oldest plan under an order: the record has no filing date, so 未報告 — never "met".
    expect(rows[3]).toHaveTextContent("未報告");
    expect(rows[3]).toHaveTextContent("委託先の義務");
    expect(rows[3]).toHaveTextContent("損保ジャパン");
    expect(rows[3]).not.toHaveTextContent("期限内に実施");
    // The rest is one link away, and the day counting is said.
    expect(screen.getByRole("link", { name: "ほか5件" })).toHaveAttribute(
      "href",
      "/commitments?deadlines=all#deadlines",
    );
    expect(screen.getByText(/初日不算入/)).toBeInTheDocument();
  });

  it("says so when nothing is overdue or due soon, and still counts what is not reported", async () => {
    renderWithProviders(<DeadlinesPanel asOf="2025-09-30" />);
    expect((await figure("期限超過")).getByText("0件")).toBeInTheDocument();
    expect(
      screen.getByText("期限を超過したもの、14日以内に期限が来るものはありません。"),
    ).toBeInTheDocument();
    expect((await figure("実施日が未報告・未記録")).getByText("6件")).toBeInTheDocument();
    // The guideline-based due date (preliminary report, "about 3–5 days") carries its mark.
    const rows = within(screen.getByRole("list", { name: "対応が必要な期限" })).getAllByRole("listitem");
    const prelim = rows.find((r) => r.textContent?.includes("個人情報保護委員会への速報"));
    expect(prelim).toHaveTextContent("2025年4月26日");
    expect(within(prelim as HTMLElement).getByText("目安")).toBeInTheDocument();
  });

  it("reads in English", async () => {
    renderWithProviders(<DeadlinesPanel asOf="2025-11-24" />, { lang: "en" });
    expect((await figure("Overdue")).getByText("2")).toBeInTheDocument();
    expect(screen.getAllByText("Report to the board (every 3 months)").length).toBeGreaterThan(0);
    expect(screen.queryByText(/期限/)).not.toBeInTheDocument();
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
    renderWithProviders(<DeadlinesPanel asOf="2025-11-24" />);
    expect(await screen.findByRole("alert", {}, SLOW)).toHaveTextContent("再試行");
    expect(screen.queryByRole("group", { name: "期限超過" })).not.toBeInTheDocument();
  });
});
