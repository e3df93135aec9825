import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { GROUPS_NAMED, INCIDENTS_NAMED } from "@/shared/overview-limits";
import type { TDataset } from "@/shared/schemas/dataset";
import { renderWithProviders } from "@/test/render";
import { scaleDataset } from "../../../../scripts/scale-dataset";
import { overviewQueries, type TOverviewScope } from "../api/queries";
import { HeadlineFigures } from "./headline-figures";
import { twoCases } from "./two-cases.fixture";

const SLOW = { timeout: 5000 };
// A fixed day, so the figures do not depend on when the test runs.
const SCOPE: TOverviewScope = { caseStatus: "open", asOf: "2025-09-30" };
const LATER: TOverviewScope = { caseStatus: "open", asOf: "2026-12-01" };

const render = (lang: "ja" | "en" = "ja", scope = SCOPE) =>
  renderWithProviders(<HeadlineFigures scope={scope} />, { lang });

/** The mocks answer from this record instead of the demo's. */
const useRecord = (data: TDataset) => server.use(...createHandlers(data));

/** The labelled figure or tile with this name. */
const group = async (name: string | RegExp, within_: ReturnType<typeof within> = screen) =>
  within(await within_.findByRole("group", { name }, SLOW));
const text = (el: HTMLElement | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();
const figureText = (g: ReturnType<typeof within>) =>
  text(g.getAllByRole("paragraph").find((p: HTMLElement) => p.classList.contains("ov-figure-value")));

describe("HeadlineFigures: one case in scope", () => {
  it("names the case, its status, vendors and incidents above its figures", async () => {
    render();
    const heading = await screen.findByRole("heading", { level: 3, name: /一連の事案/ }, SLOW);
    expect(text(heading)).toBe("事案 団体保険制度の委託先における一連の事案(2025年) 対応中");
    const meta = heading.nextElementSibling as HTMLElement;
    expect(text(meta)).toBe(
      "委託先:損保ジャパン、損保ジャパンパートナーズ 事故3件(対応中3件) 最初の日付 2025年4月17日",
    );
  });

  it("shows open incidents and the members affected as 延べ, per incident with links", async () => {
    render();
    const open = await group("対応中の事故");
    expect(text(open.getByRole("link"))).toBe("3件");
    expect(open.getByRole("link")).toHaveAttribute("href", "/incidents?status=open");
    expect(open.getByText("/ 全3件")).toBeInTheDocument();

    expect(figureText(await group("影響を受けた会員"))).toBe("1,909名 延べ");
    expect(screen.getByText(/同じ人・同じ記録が複数の事故に含まれることがある/)).toBeInTheDocument();

    const list = within(screen.getByRole("list", { name: "事故別" }));
    expect(list.getAllByRole("listitem").map(text)).toEqual([
      "事故1不正アクセスと情報漏洩の可能性46名",
      "事故2制度運営費の過請求1,860名",
      "事故3保険料の二重請求3名",
    ]);
    expect(list.getByRole("link", { name: /制度運営費の過請求/ })).toHaveAttribute(
      "href",
      "/incidents/inc-2",
    );
  });

  it("keeps the press figure beside the total with its mark and source, never in it", async () => {
    render();
    const outside = within(await screen.findByRole("list", { name: "記録外の数値(合計に含めません)" }, SLOW));
    const [item] = outside.getAllByRole("listitem");
    expect(text(item)).toBe("記録外 約1,748万件(重複を含む) 概数 事故1 (rocket-boys セキュリティラボ)");
    expect(outside.getByRole("link", { name: "rocket-boys セキュリティラボ" })).toHaveAttribute(
      "href",
      "/documents/ctx-rocketboys",
    );
    // The total is the record's own figure alone.
    expect(figureText(await group("影響を受けた会員"))).not.toMatch(/1,748/);
  });

  it("shows money put right as 1,860 of 1,863 (99.8%) and 372,000円, with the 3 refunds as 未報告", async () => {
    render();
    const done = await group("是正済みの会員(委託先の報告)");
    expect(figureText(done)).toBe("1,860 / 1,863名 99.8%");
    expect(figureText(await group("金額(是正済み / 対象)"))).toBe("372,000円 / 372,000円 算出値");
    const tile = await group("金銭の是正");
    const progress = tile.getByText(/3名:是正したかどうか報告がありません/).closest("li") as HTMLElement;
    expect(within(progress).getByText("未報告")).toBeInTheDocument();
    expect(within(progress).getByText(/二重請求された加入者への返金/)).toBeInTheDocument();
    expect(within(progress).getByRole("link", { name: "事故3" })).toHaveAttribute("href", "/incidents/inc-3");
    expect(
      within(tile.getByText(/3名分の金額/).closest("li") as HTMLElement).getByText("未報告"),
    ).toBeTruthy();
  });

  it("names the first groups not reported and the first incidents, and counts the rest, whatever the record's size", async () => {
    // One case holding every incident of a large record, none of whose money groups has reported.
    const large = scaleDataset(4);
    const record: TDataset = {
      ...large,
      incidents: large.incidents.map((i) => ({ ...i, caseId: "case-1" })),
      cohorts: large.cohorts.map((c) => (c.purpose === "financial" ? { ...c, progress: [] } : c)),
    };
    useRecord(record);
    render("ja", { caseId: "case-1", caseStatus: "all", asOf: "2026-12-01" });
    const tile = await group("金銭の是正");
    const unreported = tile.getByText(/名:是正したかどうか報告がありません/).closest("li") as HTMLElement;
    const groups = record.cohorts.filter((c) => c.purpose === "financial" && c.parentId === null);
    expect(within(unreported).getAllByRole("link")).toHaveLength(GROUPS_NAMED);
    expect(unreported).toHaveTextContent(`ほか${groups.length - GROUPS_NAMED}グループ`);
    const incidents = new Set(groups.map((c) => c.incidentId)).size;
    const links = within(tile.getByText("詳細:").closest("p") as HTMLElement).getAllByRole("link");
    expect(links).toHaveLength(INCIDENTS_NAMED + 1);
    expect(links.at(-1)).toHaveTextContent(`ほか${incidents - INCIDENTS_NAMED}件(事故の一覧)`);
    expect(links.at(-1)).toHaveAttribute("href", "/incidents");
    // The case's incidents, one by one: the first few, then how many more and where they all are.
    const byIncident = screen.getByRole("list", { name: "事故別" });
    expect(within(byIncident).getAllByRole("listitem")).toHaveLength(INCIDENTS_NAMED);
    const rest = within(byIncident.parentElement as HTMLElement).getByRole("link", {
      name: `ほか${record.incidents.length - INCIDENTS_NAMED}件(事故の一覧)`,
    });
    expect(rest).toHaveAttribute("href", "/incidents?case=case-1");
  });

  it("counts letters in their own tile and words (送付済み), never as money put right", async () => {
    render();
    const tile = await group("本人への通知");
    const sent = await group("送付済み(会員・委託先の報告)", tile);
    expect(sent.getByText("未報告")).toBeInTheDocument();
    expect(sent.queryByText(/\d/)).not.toBeInTheDocument();
    expect(figureText(await group("通知の対象(会員)", tile))).toBe("46名");
    expect(tile.getByText("通知(送付済み)は金銭の是正とは別に数えます。")).toBeInTheDocument();
    expect(tile.queryByText(/是正済み|円/)).not.toBeInTheDocument();
    expect(await tile.findByRole("link", { name: "事故1" }, SLOW)).toHaveAttribute(
      "href",
      "/incidents/inc-1",
    );
    // And the money tile holds no letter.
    expect((await group("金銭の是正")).queryByText(/送付/)).not.toBeInTheDocument();
  });

  it("shows commitments open and says no due dates are set instead of a reassuring 0 overdue", async () => {
    render();
    expect(text((await group("未完了")).getByRole("link"))).toBe("5件");
    expect((await group("委託先が完了と報告")).getByRole("link", { name: "0件" })).toHaveAttribute(
      "href",
      "/commitments?status=vendor_reported_done",
    );
    // The organisation's own word ({org}), not a fixed one.
    expect((await group("本会が確認済み")).getByRole("link", { name: "0件" })).toBeInTheDocument();
    expect(await (await group("期限超過")).findByText("期限の定めなし", {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/5件すべてに期限が定められていない/)).toBeInTheDocument();
  });

  it("links the latest board meeting as of the day", async () => {
    render();
    const meeting = await group("直近の理事会");
    expect(meeting.getByText("2025年8月23日")).toBeInTheDocument();
    expect(meeting.getByRole("link", { name: "2025年度第3回定例理事会" })).toHaveAttribute(
      "href",
      "/meetings/mtg-2025-03",
    );
  });

  it("names the scope's own documents as sources, those outside the record apart", async () => {
    render();
    await group("直近の理事会");
    const line = screen.getByText(/^出典/).closest("p") as HTMLElement;
    expect(text(line)).toBe(
      "出典: 協会からのお知らせ、資料1、資料2、資料3、資料4、資料5・記録外の公表情報: 共同通信(民友ネット)、finbridge.jp 記事9933、rocket-boys セキュリティラボ",
    );
    expect(within(line).getByRole("link", { name: "資料4" })).toHaveAttribute("href", "/documents/doc-4");
  });

  it("shows a case's record as it stood on an earlier day", async () => {
    render("ja", { caseStatus: "open", asOf: "2025-08-01" });
    // Before the 8月15日 report and the 8月23日 meeting.
    expect(figureText(await group("是正済みの会員(委託先の報告)"))).toBe("1,854 / 1,863名 99.5%");
    expect(figureText(await group("金額(是正済み / 対象)"))).toBe("370,800円 / 372,000円 算出値");
    expect((await group("直近の理事会")).getByText("記録された理事会はありません")).toBeInTheDocument();
  });

  it("shows a loading state first", async () => {
    render();
    expect(screen.getByRole("status")).toHaveTextContent("読み込み中…");
    await group("直近の理事会");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("shows the figures once, complete, and only then what comes below them", async () => {
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
    const { queryClient } = renderWithProviders(
      <HeadlineFigures scope={SCOPE}>
        <p>below</p>
      </HeadlineFigures>,
    );
    await waitFor(() =>
      expect(queryClient.getQueryData(overviewQueries.headline(SCOPE).queryKey)).toBeDefined(),
    );
    expect(screen.getByRole("status")).toHaveTextContent("読み込み中…");
    expect(screen.queryByRole("group", { name: "金銭の是正" })).not.toBeInTheDocument();
    expect(screen.queryByText("below")).not.toBeInTheDocument();
    release();
    const tile = await group("金銭の是正");
    // Complete at first sight: the group behind the 3 unreported is already named.
    expect(tile.getByText(/二重請求された加入者への返金/)).toBeInTheDocument();
    expect(screen.getByText("below")).toBeInTheDocument();
  });

  it("does not hold the figures back when a lookup fails: they show without its links", async () => {
    server.use(
      http.get(`*${contract.getRemediationStats.path}`, () =>
        HttpResponse.json(problem(500, "boom"), { status: 500 }),
      ),
    );
    render();
    const tile = await group("金銭の是正");
    expect(figureText(await group("是正済みの会員(委託先の報告)", tile))).toBe("1,860 / 1,863名 99.8%");
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
    expect(figureText(await group("影響を受けた会員"))).toBe("1,909名 延べ");
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("has English labels", async () => {
    render("en");
    expect(figureText(await group("Affected members"))).toBe("1,909 people cumulative");
    expect((await group("Sent: members (vendor's report)")).getByText("Not reported")).toBeInTheDocument();
    expect(await (await group("Overdue")).findByText("No due dates set", {}, SLOW)).toBeInTheDocument();
    expect(figureText(await group("Amount (put right / owed)"))).toBe("¥372,000 of ¥372,000 derived");
    expect(screen.queryByText("未報告")).not.toBeInTheDocument();
  });
});

describe("HeadlineFigures: several cases in scope", () => {
  const lineOf = async (name: RegExp) => within(await screen.findByRole("article", { name }, SLOW));

  it("gives a line per case, each linking to the overview of that case alone", async () => {
    useRecord(twoCases);
    render("ja", LATER);
    const lines = await screen.findByRole("list", { name: /事案ごとの状況/ }, SLOW);
    expect(
      within(lines)
        .getAllByRole("article")
        .map((a) => a.getAttribute("aria-labelledby") !== null),
    ).toEqual([true, true]);
    const print = await lineOf(/ランサムウェア被害/);
    expect(print.getByRole("link", { name: "印刷委託先のランサムウェア被害" })).toHaveAttribute(
      "href",
      "/?case=case-print",
    );
    expect(text(print.getByRole("banner"))).toContain("委託先:業務委託社、印刷発送社 事故1件(対応中1件)");
    // The tiles of one case give way to the lines; commitments and the meeting stay for the whole scope.
    expect(document.querySelector(".ov-tile-affected, .ov-tile-financial")).toBeNull();
    expect(await group("直近の理事会")).toBeTruthy();
  });

  it("never adds members to customers, nor people to records, nor an outside figure to either", async () => {
    useRecord(twoCases);
    render("ja", LATER);
    const insurance = await group("影響", await lineOf(/一連の事案/));
    expect(text(insurance.getAllByRole("listitem")[0])).toBe("影響を受けた会員 1,909名 延べ");
    const print = await group("影響", await lineOf(/ランサムウェア被害/));
    const rows = print.getAllByRole("listitem").map(text);
    // Members of this case are not counted yet: 未報告, not 0; the customers' records are their own figure.
    expect(rows).toContain("影響を受けた会員 未報告");
    expect(rows).toContain("影響を受けた取引先の顧客の記録(件数) 3,200件");
    // The trade press's 3,500 is beside, marked, and in no total.
    expect(rows).toContain("記録外 3,500件 取引先の顧客・事故4 (業界紙記事)");
    expect(screen.queryByText(/6,700|5,109|8,609/)).not.toBeInTheDocument();
  });

  it("says 送付済み for letters and keeps money put right apart, per population with its share", async () => {
    useRecord(twoCases);
    render("ja", LATER);
    const print = await lineOf(/ランサムウェア被害/);
    expect(text((await group("金銭の是正", print)).getByText("なし"))).toBe("なし");
    const notified = await group("本人への通知", print);
    expect(text(notified.getByRole("listitem"))).toBe(
      "送付済み(取引先の顧客・委託先の報告) 3,000 / 3,200名 93.8%",
    );
    expect(notified.queryByText(/是正|円/)).not.toBeInTheDocument();
    const insurance = await lineOf(/一連の事案/);
    const money = await group("金銭の是正", insurance);
    expect(text(money.getByRole("listitem"))).toBe(
      "会員 1,860 / 1,863名 99.8% 372,000円 / 372,000円 算出値 未報告 3名",
    );
    expect(text((await group("本人への通知", insurance)).getByRole("listitem"))).toBe(
      "送付済み(会員・委託先の報告) 未報告 対象 46名",
    );
  });

  it("gives open and overdue commitments and the next deadline with its date", async () => {
    useRecord(twoCases);
    render("ja", LATER);
    const print = await lineOf(/ランサムウェア被害/);
    expect(text((await group("約束・要求", print)).getByText(/未完了/))).toBe("未完了 1件");
    expect(text((await group("約束・要求", print)).getByText(/期限超過/))).toBe("期限超過 1件");
    const next = await group("次の期限", print);
    expect(text(next.getAllByRole("paragraph")[1])).toBe("2026年6月15日 期限超過");
    expect(next.getByText(/個人情報保護委員会への速報/)).toBeInTheDocument();
  });

  it("shows 確認の結果なし as its own state and a floor as a floor", async () => {
    // The printing case inside the insurance case: one case, two units, and the members confirmed none…
    const confirmed = structuredClone(twoCases);
    const print = confirmed.incidents.find((i) => i.id === "inc-print");
    const members = print?.impact.find((e) => e.id === "print-members");
    if (!print || !members) throw new Error("fixture changed");
    members.count = { status: "confirmed_none", source: members.count.source };
    print.caseId = "case-2025-insurance";
    confirmed.cases = confirmed.cases.filter((c) => c.id !== "case-print");
    useRecord(confirmed);
    render("ja", LATER);
    const list = within(await screen.findByRole("list", { name: "事故別" }, SLOW));
    expect(text(list.getAllByRole("listitem")[3])).toBe(
      "事故4印刷委託先のランサムウェアによる情報漏えい会員確認の結果なし取引先の顧客3,200件",
    );
    expect(figureText(await group("影響を受けた会員"))).toBe("1,909名 延べ");
    expect(figureText(await group("影響を受けた取引先の顧客の記録(件数)"))).toBe("3,200件");
  });

  it("marks a total with a part not reported as a floor (以上), never as the whole", async () => {
    const floor = structuredClone(twoCases);
    const print = floor.incidents.find((i) => i.id === "inc-print");
    if (!print) throw new Error("fixture changed");
    print.caseId = "case-2025-insurance";
    floor.cases = floor.cases.filter((c) => c.id !== "case-print");
    useRecord(floor);
    render("ja", LATER);
    expect(figureText(await group("影響を受けた会員"))).toBe("1,909名 以上(一部未報告) 延べ");
    expect(screen.getByText(/実際はこれより多い可能性があります/)).toBeInTheDocument();
    expect(screen.getByText(/対象の異なる人は合計しません/)).toBeInTheDocument();
  });

  it("asks every figure for its scope: the case, the vendor, the year and the day", async () => {
    useRecord(twoCases);
    const seen: string[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith("/api/v1/stats/")) seen.push(url.search);
    });
    try {
      render("ja", {
        caseId: "case-print",
        caseStatus: "open",
        vendorId: "printer",
        fiscalYear: 2026,
        asOf: "2026-12-01",
      });
      await group("本人への通知");
    } finally {
      server.events.removeAllListeners();
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const search of seen) {
      const q = new URLSearchParams(search);
      expect([q.get("caseId"), q.get("vendorId"), q.get("fiscalYear"), q.get("asOf")]).toEqual([
        "case-print",
        "printer",
        "2026",
        "2026-12-01",
      ]);
    }
    // One case in scope: that case's own figures.
    expect(await screen.findByRole("heading", { level: 3, name: /ランサムウェア被害/ })).toBeInTheDocument();
  });

  it("says so when no case is open, with the way to the closed ones", async () => {
    const closed = structuredClone(twoCases);
    for (const c of closed.cases) c.status = "closed";
    useRecord(closed);
    render("ja", LATER);
    expect(await screen.findByText("対応中の事案はありません。", {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "終結した事案も表示する" })).toHaveAttribute(
      "href",
      "/?status=all",
    );
  });

  it("has English lines", async () => {
    useRecord(twoCases);
    render("en", LATER);
    const print = await lineOf(/Ransomware at the printing subcontractor/);
    const rows = (await group("Impact", print)).getAllByRole("listitem").map(text);
    expect(rows).toContain("Affected members Not reported");
    expect(rows).toContain("Records of customers of a client affected 3,200 records");
    expect(text((await group("People notified", print)).getByRole("listitem"))).toBe(
      "Sent: customers of a client (vendor's report) 3,000 of 3,200 people 93.8%",
    );
  });
});
