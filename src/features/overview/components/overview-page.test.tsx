import { screen, within } from "@testing-library/react";
import { renderApp } from "@/test/render";

const SLOW = { timeout: 5000 };

describe("Overview page (route /)", () => {
  it("puts the headline figures first, then the deadlines, the charts and the course of events, with one h1", async () => {
    renderApp("/?asOf=2025-08-23");
    expect(
      await screen.findByRole("heading", { level: 1, name: "概要:委託先の事故と是正" }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    // The date in the URL is the date the page reports as of (a reproducible board pack).
    expect(screen.getByText("2025年8月23日時点")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "印刷(理事会資料)" })).toBeInTheDocument();
    const h2 = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    // The route puts the deadlines right after the headline figures.
    expect(h2).toEqual(["主要な数値", "期限の状況", "影響と是正の状況", "経緯と日数(発生から理事会まで)"]);
    const cumulative = await screen.findByRole("group", { name: "影響を受けた会員(延べ)" }, SLOW);
    expect(within(cumulative).getByText("1,909")).toBeInTheDocument();
  });

  it("ignores an asOf that is not a date", async () => {
    renderApp("/?asOf=yesterday");
    await screen.findByRole("heading", { level: 1 }, SLOW);
    expect(screen.queryByText(/yesterday/)).not.toBeInTheDocument();
    expect(await screen.findByRole("group", { name: "直近の理事会" }, SLOW)).toBeInTheDocument();
  });
});
