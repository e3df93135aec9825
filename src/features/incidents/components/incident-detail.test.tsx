import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { EditRightsProvider } from "@/lib/edit-rights";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { createMockStore } from "@/mocks/store";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderApp, renderWithProviders } from "@/test/render";
import { incidentQueries } from "../api/queries";
import { IncidentDetail } from "./incident-detail";
import { printerCase } from "./printer-case.fixture";

const SLOW = { timeout: 5000 };

const render = (incidentId: string, lang: "ja" | "en" = "ja") =>
  renderWithProviders(<IncidentDetail incidentId={incidentId} />, { url: `/incidents/${incidentId}`, lang });

/** The value shown in the headline tile with this label. */
const keyFact = async (label: string | RegExp) =>
  within(await screen.findByRole("group", { name: label }, SLOW));

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
    expect((await keyFact(/への文書報告まで$/)).getByText("39日")).toBeInTheDocument();
    // No personal data: no duty to report under the APPI, and the case it belongs to is a link.
    const chain = within(screen.getByRole("region", { name: "委託の経路と報告義務" }));
    expect(chain.getByText(/個人データを含まないため/)).toBeInTheDocument();
    expect(
      screen.getByRole("link", { name: "団体保険制度の委託先における一連の事案(2025年)" }),
    ).toHaveAttribute("href", "/?caseId=case-2025-insurance");
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

  it("totals the excess at 372,000円 (derived, from the API) and lists 検知 as a milestone nobody dated", async () => {
    render("inc-2");
    const remediation = within(await screen.findByRole("region", { name: "是正・通知の状況" }, SLOW));
    const totals = within(
      await remediation
        .findByRole("heading", { name: "金銭の是正の合計(会員)" }, SLOW)
        .then((h) => h.parentElement as HTMLElement),
    );
    expect(totals.getAllByText(/372,000円/)).toHaveLength(2);
    expect(totals.getAllByText("1,860名")).toHaveLength(2);
    const missing = within(
      (await screen.findByRole("heading", { name: "記録に日付がない節目" }, SLOW))
        .parentElement as HTMLElement,
    );
    expect(missing.getByText("検知").parentElement).toHaveTextContent("未報告");
    expect(missing.queryByText(/へ報告$/)).not.toBeInTheDocument();
  });
});

describe("IncidentDetail: incident 1 (unauthorized access)", () => {
  it("shows 44 + 1 + 1 = 46 members by service, the API's total", async () => {
    render("inc-1");
    // Service names come from the reference list, which may arrive after the incident.
    await screen.findByText("親子のちから", {}, SLOW);
    const rows = await rowsOf(/の対象\(対象者・サービス別\)$/);
    expect(rows).toHaveLength(4);
    const cells = rows.map((r) => r.getAllByRole("cell").map((c) => c.textContent));
    expect(cells[0]?.slice(0, 3)).toEqual(["会員", "新・団体医療保険", "44名"]);
    expect(cells[1]?.slice(0, 3)).toEqual(["会員", "親子のちから", "1名"]);
    expect(cells[2]?.slice(0, 3)).toEqual(["会員", "作業療法士賠償責任保険 上乗せ補償プラン", "1名"]);
    expect(cells[3]?.slice(0, 3)).toEqual(["会員", "合計", "46名"]);
    expect((await keyFact("影響を受けた会員")).getByText("46名")).toBeInTheDocument();
  });

  it("shows 数百万件 as words, the vendor-wide extent apart, and the published 約1,748万件 beside it, marked", async () => {
    render("inc-1");
    const record = (await screen.findByText("数百万件", {}, SLOW)).closest(".scope-card") as HTMLElement;
    const published = screen.getByText("約1,748万件(重複を含む)").closest(".scope-card") as HTMLElement;
    expect(record).not.toBe(published);
    expect(within(record).getByText("概数")).toBeInTheDocument();
    expect(within(record).queryByText("記録外")).not.toBeInTheDocument();
    expect(within(published).getAllByText("記録外").length).toBeGreaterThan(0);
    expect(screen.getByRole("heading", { name: "委託先全体の規模(参考)" })).toBeInTheDocument();
    expect(screen.queryByText(/17,480,000|17480000/)).not.toBeInTheDocument();
  });

  it("marks outside-record milestones, names the insurer as the actor, keeps the enquiry line and the board's warning", async () => {
    render("inc-1");
    const rows = await rowsOf("経緯(日付順)");
    expect(rows).toHaveLength(10);
    expect(rows[0]?.getByText("2025年4月17日〜2025年4月21日")).toBeInTheDocument();
    expect(rows[0]?.getAllByText("記録外").length).toBeGreaterThan(0);
    // It happened at the insurer, the only vendor: the record names it.
    expect(rows[0]?.getByText("損保ジャパン")).toBeInTheDocument();
    // The insurer's own announcement did not stand for the association's notice to its members.
    const announcement = rows.find((r) => r.queryByText("2025年6月12日"));
    expect(announcement?.getByText(/への通知には数えない$/)).toBeInTheDocument();
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
    // The insured's own data: the duty to report is the vendor's.
    const chain = within(screen.getByRole("region", { name: "委託の経路と報告義務" }));
    expect(chain.getByText("委託先自身の顧客データ(委託先に報告義務)")).toBeInTheDocument();
    // The apology letters have no reported progress: 未報告, not 0; and letters are sent, not put right.
    const letters = await cohort("お詫び文書の送付(対象会員)");
    expect(letters.queryByText("0名")).not.toBeInTheDocument();
    expect(letters.getAllByText("未報告").length).toBeGreaterThan(0);
    expect(letters.getByText("送付済み")).toBeInTheDocument();
    expect(letters.queryByText(/是正済み/)).not.toBeInTheDocument();
    expect(letters.queryByText(/円/)).not.toBeInTheDocument();
    expect((await keyFact("送付済み(委託先の報告)")).getByText("未報告")).toBeInTheDocument();
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
    const toOrganisation = await keyFact(/への文書報告まで$/);
    expect(toOrganisation.getByText("報告日 2025年9月5日")).toBeInTheDocument();
    expect(toOrganisation.queryByText(/^[\d,]+日$/)).not.toBeInTheDocument();
    expect((await keyFact(/への報告まで$/)).getByText("未報告")).toBeInTheDocument();
  });

  it("shows the agency as the contractor, the insurer as also answerable, and no resolution of a meeting it was not on", async () => {
    render("inc-3");
    const chain = within(await screen.findByRole("region", { name: "委託の経路と報告義務" }, SLOW));
    const links = within(chain.getByRole("list")).getAllByRole("listitem");
    expect(links).toHaveLength(2);
    expect(links[1]).toHaveTextContent("損保ジャパンパートナーズ社");
    expect(links[1]).toHaveTextContent("保険代理店");
    expect(links[1]).toHaveTextContent("発生した委託先");
    expect(chain.getByRole("link", { name: "損害保険ジャパン株式会社" })).toHaveAttribute(
      "href",
      "/vendors/sompo",
    );
    // The meeting's resolutions target its vendor, but the incident was on none of its agenda items.
    const board = within(await screen.findByRole("region", { name: "理事会の対応" }, SLOW));
    expect(
      await board.findByText("この事故を議題とした理事会の記録はありません。", {}, SLOW),
    ).toBeInTheDocument();
    expect(board.queryByText("厳重注意")).not.toBeInTheDocument();
  });
});

/** The record of another shape (tests only): a printer subcontracted by a BPO, customers counted in 件. */
const usePrinterCase = () => {
  const store = createMockStore(printerCase);
  server.use(...createHandlers(store));
  return store;
};

describe("IncidentDetail: a printer's ransomware, subcontracted by the organisation's BPO", () => {
  it("shows the chain with the vendor kinds from the organisation's list, the printer marked, the duty the organisation's", async () => {
    usePrinterCase();
    render("inc-dm");
    const chain = within(await screen.findByRole("region", { name: "委託の経路と報告義務" }, SLOW));
    const links = within(chain.getByRole("list")).getAllByRole("listitem");
    expect(links.map((l) => l.textContent)).toEqual([
      "委託元当会",
      "委託先株式会社ナミキ・ビジネスサービス業務委託先(BPO)",
      "再委託先(1次)株式会社サクラ印刷印刷・発送業者発生した委託先",
    ]);
    expect(
      chain.getByText(/が委託元として、個人情報保護委員会への報告と本人への通知を行います/),
    ).toHaveTextContent(/の顧客に届いたと確認できたときに限り/);
    expect(screen.getByRole("link", { name: "DM発送委託先のランサムウェア被害(2024年)" })).toHaveAttribute(
      "href",
      "/?caseId=case-dm-2024",
    );
  });

  it("takes the meeting that had it on its agenda as the report to the board, never 未報告", async () => {
    usePrinterCase();
    render("inc-dm");
    const fact = await keyFact("理事会への報告まで");
    expect(fact.getByText(/2024年10月2日/)).toBeInTheDocument();
    expect(fact.getByText(/「第7回理事会」の議題になりました/)).toBeInTheDocument();
    expect(fact.queryByText("未報告")).not.toBeInTheDocument();
  });

  it("counts customers' records in 件 and members as none after checking, and keeps the press figure beside, never in the total", async () => {
    usePrinterCase();
    render("inc-dm");
    const fact = await keyFact("影響を受けた人・記録");
    expect(fact.getByText("顧客の記録")).toBeInTheDocument();
    expect(fact.getByText("12,840件")).toBeInTheDocument();
    expect(fact.getByText("組合員")).toBeInTheDocument();
    expect(fact.getByText("確認の結果なし")).toBeInTheDocument();
    const rows = await rowsOf(/の対象\(対象者・サービス別\)$/);
    const cells = rows.map((r) => r.getAllByRole("cell").map((c) => c.textContent));
    expect(cells.map((c) => c.slice(0, 3))).toEqual([
      ["組合員", "サービス全体", "確認の結果なし"],
      ["顧客の記録", "顧客向けDM発送", "12,840件"],
    ]);
    // The press count is outside the record: beside, marked, and in no total.
    const press = screen.getByText("13,000件").closest(".scope-card") as HTMLElement;
    expect(within(press).getAllByText("記録外").length).toBeGreaterThan(0);
    expect(screen.queryByText(/25,840|12,840件以上/)).not.toBeInTheDocument();
    expect(screen.getByText("約150万件(全取引先)")).toBeInTheDocument();
  });

  it("names each actor from the record and says which vendor notice reached the organisation's people", async () => {
    usePrinterCase();
    render("inc-dm");
    const rows = await rowsOf("経緯(日付順)");
    const row = (date: string) => rows.find((r) => r.queryByText(date));
    expect(row("2024年5月28日")?.getByText("サクラ印刷")).toBeInTheDocument();
    expect(row("2024年6月20日")?.getByText("ナミキBS")).toBeInTheDocument();
    // Two vendors involved and the record does not say which announced: no name is made up.
    expect(row("2024年6月7日")?.getByText("委託先")).toBeInTheDocument();
    // Said of the incident's own people, the customers (not of the organisation's first population).
    expect(row("2024年6月7日")?.getByText(/の顧客への通知には数えない$/)).toBeInTheDocument();
    expect(row("2024年6月25日")?.getByText(/の顧客に届いた通知/)).toBeInTheDocument();
    // An enquiry form without a phone number or hours.
    const contact = within(screen.getByRole("region", { name: "影響を受けた方のお問い合わせ窓口" }));
    expect(contact.getByText("ナミキBS お問い合わせフォーム")).toBeInTheDocument();
    expect(contact.queryByRole("link", { name: /^\d/ })).not.toBeInTheDocument();
    // The contractor's report can be read online.
    expect(screen.getByRole("link", { name: /委託業務における情報漏えいについて/ })).toHaveAttribute(
      "href",
      "https://example.org/namiki/report",
    );
  });

  it("shows the resolutions of its own agenda item and of the whole meeting only", async () => {
    usePrinterCase();
    render("inc-dm");
    const board = within(await screen.findByRole("region", { name: "理事会の対応" }, SLOW));
    expect(await board.findByText("再委託先の監査を求める", {}, SLOW)).toBeInTheDocument();
    expect(board.getByText("委託先管理の方針を見直す")).toBeInTheDocument();
    expect(board.queryByText("コールセンターに注意を行う")).not.toBeInTheDocument();
    expect(board.queryByText("委託契約の更新を検討する")).not.toBeInTheDocument();
    expect(board.queryByRole("link", { name: "第8回理事会" })).not.toBeInTheDocument();
  });

  it("offers an editor the first group of an incident that has none", async () => {
    usePrinterCase();
    renderWithProviders(
      <EditRightsProvider canEdit>
        <IncidentDetail incidentId="inc-dm" />
      </EditRightsProvider>,
      { url: "/incidents/inc-dm" },
    );
    const remediation = within(await screen.findByRole("region", { name: "是正・通知の状況" }, SLOW));
    expect(
      await remediation.findByText(/対象グループはまだ記録されていません/, {}, SLOW),
    ).toBeInTheDocument();
    expect(remediation.getByRole("button", { name: "対象グループを追加" })).toBeInTheDocument();
    expect((await keyFact("是正・通知(委託先の報告)")).getByText("未報告")).toBeInTheDocument();
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
    expect(screen.queryByRole("group", { name: /への文書報告まで$/ })).not.toBeInTheDocument();
    expect((await keyFact("影響を受けた会員")).getByText("46名")).toBeInTheDocument();
    release();
    expect((await keyFact(/への文書報告まで$/)).getByText("123日")).toBeInTheDocument();
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
    expect((await keyFact("Affected members")).getByText("3 people")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Timeline" })).toBeInTheDocument();
    const refunds = await cohort("Refunds to the members billed twice");
    expect(refunds.getAllByText("Not reported").length).toBeGreaterThan(0);
    expect(screen.queryByText("未報告")).not.toBeInTheDocument();
  });
});
