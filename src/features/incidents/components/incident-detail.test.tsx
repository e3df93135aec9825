import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderApp, renderWithProviders } from "@/test/render";
import { incidentQueries } from "../api/queries";
import { IncidentDetail } from "./incident-detail";

const SLOW = { timeout: 5000 };

const render = (incidentId: string, lang: "ja" | "en" = "ja") =>
  renderWithProviders(<IncidentDetail incidentId={incidentId} />, { url: `/incidents/${incidentId}`, lang });

/** The value shown in the headline tile with this label. */
const keyFact = async (label: string) => within(await screen.findByRole("group", { name: label }, SLOW));

const rowsOf = async (name: RegExp | string) => {
  const table = await screen.findByRole("table", { name }, SLOW);
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r));
};

const cohort = async (label: string) => within(await screen.findByRole("article", { name: label }, SLOW));

describe("IncidentDetail: incident 2 (administration fee over-billed)", () => {
  it("shows the 1,860 members and the cause in the insurer's 広域団体システム", async () => {
    render("inc-2");
    expect(
      await screen.findByRole("heading", { level: 1, name: "事故2 制度運営費の過請求" }, SLOW),
    ).toBeInTheDocument();
    expect((await keyFact("影響を受けた会員")).getByText("1,860名")).toBeInTheDocument();
    const impact = within(screen.getByRole("region", { name: "影響の範囲" }));
    expect(impact.getByText("Web募集システムのプログラムミス")).toBeInTheDocument();
    expect(impact.getByText(/広域団体システム/)).toBeInTheDocument();
    // 39 days from the 15 July billing to the written apology of 23 August.
    expect((await keyFact("協会への文書報告まで")).getByText("39日")).toBeInTheDocument();
  });

  it("shows the 6 re-billed on 15 August and the 1,854 corrected on 25 July, whose split is not reported", async () => {
    render("inc-2");
    const failed = await cohort("請求エラーとなった加入者(再請求)");
    expect(failed.getAllByText("6名").length).toBeGreaterThan(0);
    const [rebilled] = await rowsOf("請求エラーとなった加入者(再請求):進捗の報告");
    expect(rebilled?.getByText("2025年8月15日")).toBeInTheDocument();
    expect(rebilled?.getByText("6名")).toBeInTheDocument();

    const corrected = await cohort("それ以外の加入者(請求データ修正)");
    expect(corrected.getAllByText("1,854名").length).toBeGreaterThan(0);
    const [fix] = await rowsOf("それ以外の加入者(請求データ修正):進捗の報告");
    expect(fix?.getByText("2025年7月25日")).toBeInTheDocument();
    expect(fix?.getByText("1,854名")).toBeInTheDocument();

    const split = await rowsOf("それ以外の加入者(請求データ修正):内訳");
    expect(split).toHaveLength(2);
    for (const row of split) expect(row.getByText("未報告")).toBeInTheDocument();
    expect(corrected.getByText(/内訳の人数は委託先から報告されていません/)).toBeInTheDocument();
  });

  it("totals the excess at 372,000円 (derived) and lists 検知 as a milestone nobody dated", async () => {
    render("inc-2");
    const remediation = within(await screen.findByRole("region", { name: "是正・対応の状況" }, SLOW));
    const totals = within(
      await remediation
        .findByRole("heading", { name: "金銭の是正の合計" }, SLOW)
        .then((h) => h.parentElement as HTMLElement),
    );
    expect(totals.getAllByText(/372,000円/)).toHaveLength(2);
    expect(totals.getAllByText("1,860名")).toHaveLength(2);
    const missing = within(
      (await screen.findByRole("heading", { name: "記録に日付がない節目" }, SLOW))
        .parentElement as HTMLElement,
    );
    expect(missing.getByText("検知").parentElement).toHaveTextContent("未報告");
    expect(missing.queryByText("理事会へ報告")).not.toBeInTheDocument();
  });
});

describe("IncidentDetail: incident 1 (unauthorized access)", () => {
  it("shows 44 + 1 + 1 = 46 members by service", async () => {
    render("inc-1");
    // Service names come from the reference list, which may arrive after the incident.
    await screen.findByText("親子のちから", {}, SLOW);
    const rows = await rowsOf("保険商品別の影響を受けた会員");
    expect(rows).toHaveLength(4);
    const cells = rows.map((r) => r.getAllByRole("cell").map((c) => c.textContent));
    expect(cells[0]?.slice(0, 2)).toEqual(["新・団体医療保険", "44名"]);
    expect(cells[1]?.slice(0, 2)).toEqual(["親子のちから", "1名"]);
    expect(cells[2]?.slice(0, 2)).toEqual(["作業療法士賠償責任保険 上乗せ補償プラン", "1名"]);
    expect(cells[3]?.slice(0, 2)).toEqual(["合計", "46名"]);
    expect((await keyFact("影響を受けた会員")).getByText("46名")).toBeInTheDocument();
  });

  it("shows 数百万件 as words and the published 約1,748万件 beside it, marked outside the record", async () => {
    render("inc-1");
    const record = (await screen.findByText("数百万件", {}, SLOW)).closest(".scope-card") as HTMLElement;
    const published = screen.getByText("約1,748万件(重複を含む)").closest(".scope-card") as HTMLElement;
    expect(record).not.toBe(published);
    expect(within(record).getByText("概数")).toBeInTheDocument();
    expect(within(record).queryByText("記録外")).not.toBeInTheDocument();
    expect(within(published).getAllByText("記録外").length).toBeGreaterThan(0);
    expect(screen.queryByText(/17,480,000|17480000/)).not.toBeInTheDocument();
  });

  it("marks outside-record milestones, keeps the members' enquiry line and the board's strict warning", async () => {
    render("inc-1");
    const rows = await rowsOf("経緯(日付順)");
    expect(rows).toHaveLength(10);
    expect(rows[0]?.getByText("2025年4月17日〜2025年4月21日")).toBeInTheDocument();
    expect(rows[0]?.getAllByText("記録外").length).toBeGreaterThan(0);
    const board = rows.find((r) => r.queryByText("2025年8月23日"));
    expect(board?.queryByText("記録外")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "0120-688-083" })).toHaveAttribute("href", "tel:0120688083");
    expect(screen.getByText("損害保険ジャパン株式会社 お客さま専用お問い合わせ窓口")).toBeInTheDocument();
    expect(screen.getByText("平日 9:00~17:00")).toBeInTheDocument();
    const decisions = within(await screen.findByRole("region", { name: "理事会の対応" }, SLOW));
    expect(await decisions.findByText("厳重注意", {}, SLOW)).toBeInTheDocument();
    expect(decisions.getByRole("link", { name: "2025年度第3回定例理事会" })).toHaveAttribute(
      "href",
      "/meetings/mtg-2025-03",
    );
    // The apology letters have no reported progress: 未報告, not 0.
    const letters = await cohort("お詫び文書の送付(対象会員)");
    expect(letters.queryByText("0名")).not.toBeInTheDocument();
    expect(letters.getAllByText("未報告").length).toBeGreaterThan(0);
  });
});

describe("IncidentDetail: incident 3 (premium billed twice)", () => {
  it("shows the refunds and their amount as not reported, never 0", async () => {
    render("inc-3");
    const refunds = await cohort("二重請求された加入者への返金");
    const stat = (label: string) => within(refunds.getByText(label).parentElement as HTMLElement);
    expect(stat("対象").getByText("3名")).toBeInTheDocument();
    expect(stat("是正済み").getByText("未報告")).toBeInTheDocument();
    expect(stat("1人あたりの金額").getByText("未報告")).toBeInTheDocument();
    expect(stat("対象金額").getByText("未報告")).toBeInTheDocument();
    expect(refunds.queryByText(/^0/)).not.toBeInTheDocument();
    expect(refunds.getByText("返金する保険料の金額")).toBeInTheDocument();
    expect((await keyFact("是正済み(委託先の報告)")).getByText("未報告")).toBeInTheDocument();
    const [first] = await rowsOf("経緯(日付順)");
    expect(first?.getByText("2025年7月")).toBeInTheDocument();
    // Reported on a known day, but occurrence has only a month: no day count is invented.
    const toAssociation = await keyFact("協会への文書報告まで");
    expect(toAssociation.getByText("報告日 2025年9月5日")).toBeInTheDocument();
    expect(toAssociation.queryByText(/^[\d,]+日$/)).not.toBeInTheDocument();
    expect((await keyFact("理事会への報告まで")).getByText("未報告")).toBeInTheDocument();
  });
});

/** A handler that holds the request until `release()`, then passes it on to the mock. */
const hold = (path: string) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get(`*${path}`, async () => {
      await held;
    }),
  );
  return release;
};

describe("IncidentDetail: nothing moves when data arrives", () => {
  it("appears with the vendor's name, never its id first (a name rewraps the lines above the figures)", async () => {
    const release = hold(contract.listVendors.path);
    const { queryClient } = render("inc-1");
    await waitFor(() =>
      expect(queryClient.getQueryData(incidentQueries.detail("inc-1").queryKey)).toBeDefined(),
    );
    expect(screen.queryByRole("heading", { level: 1 })).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("読み込み中…");
    release();
    await screen.findByRole("heading", { level: 1, name: "事故1 不正アクセスと情報漏洩の可能性" }, SLOW);
    expect(screen.getByText("損害保険ジャパン株式会社")).toBeInTheDocument();
  });

  it("keeps four key-figure tiles while the spans load, then shows the days in their place", async () => {
    const release = hold(contract.getIntervalStats.path);
    const { container } = render("inc-1");
    await screen.findByRole("heading", { level: 1 }, SLOW);
    const tiles = () => container.querySelectorAll(".key-facts .key-fact");
    // The members tile, two skeleton tiles for the spans and the remediation tile: the same four boxes.
    expect(tiles()).toHaveLength(4);
    expect(screen.queryByRole("group", { name: "協会への文書報告まで" })).not.toBeInTheDocument();
    expect((await keyFact("影響を受けた会員")).getByText("46名")).toBeInTheDocument();
    release();
    expect((await keyFact("協会への文書報告まで")).getByText("123日")).toBeInTheDocument();
    expect(tiles()).toHaveLength(4);
  });
});

describe("IncidentDetail: states", () => {
  it("says an unknown incident does not exist (API 404)", async () => {
    renderApp("/incidents/inc-99");
    expect(
      await screen.findByRole("heading", { level: 1, name: "事故が見つかりません" }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← 事故一覧に戻る" })).toHaveAttribute("href", "/incidents");
  });

  it("shows an error with a retry that recovers", async () => {
    const user = userEvent.setup();
    server.use(
      http.get(`*${contract.getIncident.path}`, () =>
        HttpResponse.json(problem(500, "boom"), { status: 500 }),
      ),
    );
    render("inc-2");
    const alert = await screen.findByRole("alert", {}, SLOW);
    expect(alert).toHaveTextContent("データを読み込めませんでした");
    server.resetHandlers();
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "事故2 制度運営費の過請求" }, SLOW),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("has English labels", async () => {
    render("inc-3", "en");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Incident 3 Premium billed twice" }, SLOW),
    ).toBeInTheDocument();
    expect((await keyFact("Members affected")).getByText("3 members")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Timeline" })).toBeInTheDocument();
    const refunds = await cohort("Refunds to the members billed twice");
    expect(refunds.getAllByText("Not reported").length).toBeGreaterThan(0);
    expect(screen.queryByText("未報告")).not.toBeInTheDocument();
  });
});
