import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { overviewQueries } from "../api/queries";
import { HeadlineFigures } from "./headline-figures";

const SLOW = { timeout: 5000 };
// A fixed date, so the figures do not depend on when the test runs.
const AS_OF = "2025-09-30";

const render = (lang: "ja" | "en" = "ja") => renderWithProviders(<HeadlineFigures asOf={AS_OF} />, { lang });

/** The labelled figure or tile with this name. */
const group = async (name: string) => within(await screen.findByRole("group", { name }, SLOW));
const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, " ").trim();

describe("HeadlineFigures", () => {
  it("shows open incidents and the cumulative (延べ) members affected, per incident with links", async () => {
    render();
    const open = await group("対応中の事故");
    expect(text(open.getByRole("link"))).toBe("3件");
    expect(open.getByText("/ 全3件")).toBeInTheDocument();

    const cumulative = await group("影響を受けた会員(延べ)");
    const value = cumulative.getByText("1,909").closest("p") as HTMLElement;
    expect(text(value)).toBe("1,909名 延べ");
    expect(screen.getByText(/同じ会員が複数の事故に含まれることがある/)).toBeInTheDocument();

    const list = within(screen.getByRole("list", { name: "事故別の人数" }));
    const rows = list.getAllByRole("listitem");
    expect(rows.map(text)).toEqual([
      "事故1不正アクセスと情報漏洩の可能性46名",
      "事故2制度運営費の過請求1,860名",
      "事故3保険料の二重請求3名",
    ]);
    expect(list.getByRole("link", { name: /制度運営費の過請求/ })).toHaveAttribute(
      "href",
      "/incidents/inc-2",
    );
  });

  it("shows money put right as 1,860 of 1,863 (99.8%) and 372,000円, with the 3 refunds as 未報告", async () => {
    render();
    const members = await group("是正済み(委託先の報告)");
    expect(text(members.getByText("1,860").closest("p") as HTMLElement)).toBe("1,860 / 1,863名 99.8%");
    const yen = await group("金額(是正済み / 対象)");
    expect(text(yen.getByText("372,000").closest("p") as HTMLElement)).toBe("372,000円 / 372,000円 算出値");

    const tile = await group("金銭の是正(過請求・二重請求)");
    const progress = tile.getByText(/3名:是正したかどうか報告がありません/).closest("li") as HTMLElement;
    expect(within(progress).getByText("未報告")).toBeInTheDocument();
    // The cohort behind the 3 is named once the remediation stats arrive, with a link to its incident.
    expect(await within(progress).findByText(/二重請求された加入者への返金/, {}, SLOW)).toBeInTheDocument();
    expect(within(progress).getByRole("link", { name: "事故3" })).toHaveAttribute("href", "/incidents/inc-3");
    const amount = tile.getByText(/3名分の金額/).closest("li") as HTMLElement;
    expect(within(amount).getByText("未報告")).toBeInTheDocument();
  });

  it("shows the 46 apology letters as 未報告, never 0", async () => {
    render();
    const sent = await group("送付済み");
    expect(sent.getByText("未報告")).toBeInTheDocument();
    expect(sent.queryByText(/\d/)).not.toBeInTheDocument();
    expect(text((await group("対象")).getByText("46").closest("p") as HTMLElement)).toBe("46名");
    const tile = await group("会員への通知(お詫び文書)");
    expect(await tile.findByRole("link", { name: "事故1" }, SLOW)).toHaveAttribute(
      "href",
      "/incidents/inc-1",
    );
  });

  it("shows commitments open and says no due dates are set instead of a reassuring 0 overdue", async () => {
    render();
    expect(text((await group("未完了")).getByRole("link"))).toBe("5件");
    expect((await group("委託先が完了と報告")).getByRole("link", { name: "0件" })).toHaveAttribute(
      "href",
      "/commitments?status=vendor_reported_done",
    );
    expect((await group("協会が確認済み")).getByRole("link", { name: "0件" })).toBeInTheDocument();
    const overdue = await group("期限超過");
    expect(await overdue.findByText("期限の定めなし", {}, SLOW)).toBeInTheDocument();
    expect(overdue.queryByText("0件")).not.toBeInTheDocument();
    expect(screen.getByText(/5件すべてに期限が定められていない/)).toBeInTheDocument();
  });

  it("links the latest board meeting", async () => {
    render();
    const meeting = await group("直近の理事会");
    expect(meeting.getByText("2025年8月23日")).toBeInTheDocument();
    expect(meeting.getByRole("link", { name: "2025年度第3回定例理事会" })).toHaveAttribute(
      "href",
      "/meetings/mtg-2025-03",
    );
  });

  it("shows a loading state first", async () => {
    render();
    expect(screen.getByRole("status")).toHaveTextContent("読み込み中…");
    await group("直近の理事会");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("shows the tiles once, complete, after a skeleton of the same tiles: a late name would move the page", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Held, then passed on to the mock (a resolver that returns nothing falls through).
    server.use(
      http.get(`*${contract.getRemediationStats.path}`, async () => {
        await held;
      }),
    );
    const { container, queryClient } = render();
    await waitFor(() =>
      expect(queryClient.getQueryData(overviewQueries.headline(AS_OF).queryKey)).toBeDefined(),
    );
    // The figures are in, the names and links of the cohorts not yet: the skeleton's five tiles stand.
    expect(screen.getByRole("status")).toHaveTextContent("読み込み中…");
    expect(screen.queryByRole("group", { name: "金銭の是正(過請求・二重請求)" })).not.toBeInTheDocument();
    expect(container.querySelectorAll(".ov-tiles-skeleton .ov-tile")).toHaveLength(5);
    release();
    const tile = await group("金銭の是正(過請求・二重請求)");
    // Complete at first sight: the cohort behind the 3 unreported is already named.
    expect(tile.getByText(/二重請求された加入者への返金/)).toBeInTheDocument();
    expect(container.querySelector(".ov-tiles-skeleton")).not.toBeInTheDocument();
  });

  it("does not hold the tiles back when a lookup fails: they show without its links", async () => {
    server.use(
      http.get(`*${contract.getRemediationStats.path}`, () =>
        HttpResponse.json(problem(500, "boom"), { status: 500 }),
      ),
    );
    render();
    const tile = await group("金銭の是正(過請求・二重請求)");
    expect(text(tile.getByText("1,860").closest("p") as HTMLElement)).toBe("1,860 / 1,863名 99.8%");
    expect(tile.queryByRole("link", { name: "事故3" })).not.toBeInTheDocument();
  });

  it("shows an error with a retry that recovers", async () => {
    const user = userEvent.setup();
    server.use(
      http.get(`*${contract.getOverview.path}`, () =>
        HttpResponse.json(problem(500, "boom"), { status: 500 }),
      ),
    );
    render();
    const alert = await screen.findByRole("alert", {}, SLOW);
    expect(alert).toHaveTextContent("データを読み込めませんでした");
    expect(screen.queryByText("1,909")).not.toBeInTheDocument();
    server.resetHandlers();
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    expect((await group("影響を受けた会員(延べ)")).getByText("1,909")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("has English labels", async () => {
    render("en");
    const cumulative = await group("Members affected (cumulative)");
    expect(text(cumulative.getByText("1,909").closest("p") as HTMLElement)).toBe("1,909 members cumulative");
    expect((await group("Letters sent")).getByText("Not reported")).toBeInTheDocument();
    expect(await (await group("Overdue")).findByText("No due dates set", {}, SLOW)).toBeInTheDocument();
    expect(
      text((await group("Amount (put right / owed)")).getByText("372,000").closest("p") as HTMLElement),
    ).toBe("¥372,000 of ¥372,000 derived");
    expect(screen.queryByText("未報告")).not.toBeInTheDocument();
  });
});
