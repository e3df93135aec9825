import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import { case2025 } from "@/shared/seed/case-2025";
import { serveRecord, speakFor } from "@/test/backdated-meeting-record";
import { renderWithProviders } from "@/test/render";
import { parseFilters } from "../api/queries";
import { CommitmentTracker } from "./commitment-tracker";

const listPath = `*${contract.listCommitments.path}`;
const statsPath = `*${contract.getCommitmentStats.path}`;

const cards = () => screen.findAllByRole("article", {}, { timeout: 5000 });
const cardTitles = async () =>
  (await cards()).map((a) => within(a).getByRole("heading", { level: 3 }).textContent);
const card = async (title: string) => {
  const heading = await screen.findByRole("heading", { level: 3, name: title }, { timeout: 5000 });
  const article = heading.closest("article");
  if (!article) throw new Error(`no card for ${title}`);
  return within(article);
};

/** The value of one labelled fact (dt/dd) on a card. */
const fact = (article: ReturnType<typeof within>, label: string) => {
  const dd = article.getByText(label, { selector: "dt" }).nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no value for ${label}`);
  return within(dd);
};

const ALL_JA = [
  "最後まで責任を持って対応する",
  "対象の会員46名に順次お詫びの文書(資料3)を発送する",
  "二重請求された3名に返金する",
  "再発防止策に真剣に取り組むこと",
  "会員の信頼回復に努めること",
];

/** A seed commitment as the API would serve it, with changes for a scenario the demo case does not have. */
const view = (id: string, changes: Partial<TCommitmentView>): TCommitmentView => {
  const base = case2025.commitments.find((c) => c.id === id);
  if (!base) throw new Error(id);
  return { ...base, overdue: false, ...changes };
};
const listOf = (items: TCommitmentView[]) =>
  HttpResponse.json({ items, total: items.length, limit: 500, offset: 0 });

// Rendered alone, the page speaks the demo organisation's words, as the app shell would make it.
beforeEach(() => speakFor(case2025));

describe("CommitmentTracker", () => {
  it("lists the five commitments of the record, in order, each with its kind, owner and source", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    expect(await cardTitles()).toEqual(ALL_JA);
    expect(screen.getByText("5件", { selector: ".commitment-count" })).toBeInTheDocument();

    const refunds = await card("二重請求された3名に返金する");
    expect(refunds.getByText("委託先の約束")).toBeInTheDocument();
    expect(refunds.getByText("対応中", { selector: ".status-chip" })).toBeInTheDocument();
    expect(
      refunds.getByText("二重請求された3名の加入者に対しては返金対応が進められている"),
    ).toBeInTheDocument();
    expect(await refunds.findByRole("link", { name: "損保ジャパンパートナーズ" })).toHaveAttribute(
      "href",
      "/vendors/partners",
    );
    expect(refunds.getByRole("link", { name: "損保ジャパン" })).toHaveAttribute("href", "/vendors/sompo");
    expect(await fact(refunds, "約束した場所").findByRole("link", { name: "資料5" })).toHaveAttribute(
      "href",
      "/documents/doc-5",
    );
    expect(fact(refunds, "期限").getByText("期限なし")).toBeInTheDocument();
    expect(refunds.getByText("2025年9月5日")).toBeInTheDocument();
    expect(await refunds.findByRole("link", { name: "事故3 保険料の二重請求" })).toHaveAttribute(
      "href",
      "/incidents/inc-3",
    );

    const demand = await card("会員の信頼回復に努めること");
    expect(demand.getByText("理事会の要求")).toBeInTheDocument();
    expect(await demand.findByRole("link", { name: "2025年度第3回定例理事会" })).toHaveAttribute(
      "href",
      "/meetings/mtg-2025-03",
    );
    // The notice does not date the demand: no invented date.
    expect(demand.getByText("日付記載なし")).toBeInTheDocument();
  });

  it("keeps a month-only date month-only", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    const letters = await card("対象の会員46名に順次お詫びの文書(資料3)を発送する");
    expect(letters.getByText("2025年8月")).toBeInTheDocument();
    expect(letters.queryByText(/2025年8月\d+日/)).not.toBeInTheDocument();
  });

  it("shows every missing due date as 期限なし and missing evidence as 未報告, never as nothing", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    const all = await cards();
    for (const article of all) {
      expect(within(article).getByText("期限なし")).toBeInTheDocument();
      expect(within(article).getByText("未報告")).toBeInTheDocument();
    }
  });

  it("summarises by status and flags the missing due dates as a gap, not as 'nothing overdue'", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?asOf=2025-09-30" });
    const summary = within(await screen.findByRole("region", { name: /履行状況のまとめ/ }));
    expect(summary.getByText("2025年9月30日時点")).toBeInTheDocument();
    const tile = (label: string) => {
      const dt = summary.getByText(label, { selector: "dt" });
      return dt.parentElement?.querySelector(".summary-value")?.textContent;
    };
    await waitFor(() => expect(tile("完了(協会が確認済み)")).toBe("0 / 5件"));
    expect(tile("委託先が完了と報告(協会は未確認)")).toBe("0件");
    expect(tile("期限超過")).toBe("0件");
    expect(tile("14日以内に期限")).toBe("0件");
    expect(tile("期限なし")).toBe("5件");
    expect(summary.getByText("期限のある0件のうち")).toBeInTheDocument();
    expect(
      summary.getByText("未着手 3件・対応中 2件・委託先が完了と報告 0件・協会が確認済み 0件・再開 0件"),
    ).toBeInTheDocument();
    expect(summary.getByRole("note")).toHaveTextContent(
      "5件すべてに期限がありません。期限のない約束は「期限超過」にならないため",
    );
  });

  it("counts only verified commitments as closed, apart from those the vendor reports done", async () => {
    server.use(
      http.get(statsPath, () =>
        HttpResponse.json({
          asOf: "2025-12-01",
          byStatus: [
            { status: "open", count: 1 },
            { status: "in_progress", count: 1 },
            { status: "vendor_reported_done", count: 2 },
            { status: "verified", count: 1 },
            { status: "reopened", count: 0 },
          ],
          total: 5,
          overdue: 1,
          dueWithin14Days: 2,
          withoutDueDate: 1,
        }),
      ),
    );
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?asOf=2025-12-01" });
    const summary = within(await screen.findByRole("region", { name: /履行状況のまとめ/ }));
    const tile = (label: string) =>
      summary.getByText(label, { selector: "dt" }).parentElement?.querySelector(".summary-value")
        ?.textContent;
    await waitFor(() => expect(tile("完了(協会が確認済み)")).toBe("1 / 5件"));
    expect(tile("委託先が完了と報告(協会は未確認)")).toBe("2件");
    expect(tile("期限超過")).toBe("1件");
    expect(tile("14日以内に期限")).toBe("2件");
    expect(tile("期限なし")).toBe("1件");
    expect(summary.getByText("期限のある4件のうち")).toBeInTheDocument();
    expect(summary.getByRole("note")).toHaveTextContent("5件中1件に期限がありません。");
  });

  it("filters by the address: ?kind=board_demand shows the board's two demands", async () => {
    const seen: string[] = [];
    const onStart = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname === contract.listCommitments.path) seen.push(url.search);
    };
    server.events.on("request:start", onStart);
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?kind=board_demand" });
    await waitFor(async () => expect(await cardTitles()).toEqual(ALL_JA.slice(3)));
    expect(screen.getByText("絞り込み結果 2件")).toBeInTheDocument();
    expect(screen.getByLabelText("種類")).toHaveValue("board_demand");
    expect(seen.some((s) => s.includes("kind=board_demand"))).toBe(true);
    server.events.removeListener("request:start", onStart);
  });

  it("combines filters from the address (vendor and incident)", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?vendor=partners&incident=inc-3" });
    await waitFor(async () => expect(await cardTitles()).toEqual(["二重請求された3名に返金する"]));
    // The summary follows the vendor filter.
    expect(await screen.findByText(/対象:損保ジャパンパートナーズ/)).toBeInTheDocument();
  });

  it("says plainly that nothing is overdue only because nothing has a due date", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?overdue=true" });
    expect(
      await screen.findByText("条件に合う約束・要求はありません。", {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/期限のない約束は期限超過になりません/)).toBeInTheDocument();
  });

  it("writes a chosen filter into the address, and clearing removes it", async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    await cards();
    await user.selectOptions(screen.getByLabelText("種類"), "vendor_promise");
    await waitFor(() => expect(router.state.location.search).toBe("?kind=vendor_promise"));
    await waitFor(async () => expect(await cardTitles()).toEqual(ALL_JA.slice(0, 3)));
    await user.click(screen.getByRole("button", { name: "条件をクリア" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
    await waitFor(async () => expect(await cardTitles()).toEqual(ALL_JA));
  });

  it("keeps 'reported done by the vendor' and 'verified by the association' as separate steps", async () => {
    server.use(
      http.get(listPath, () =>
        listOf([
          view("cmt-3-refunds", { status: "vendor_reported_done", reportedDoneDate: "2025-10-01" }),
          view("cmt-1-letters", {
            status: "verified",
            reportedDoneDate: "2025-09-20",
            verifiedDate: "2025-10-10",
            evidence: { ja: "発送記録の写し", en: "Copy of the mailing log" },
          }),
        ]),
      ),
    );
    renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    const reported = await card("二重請求された3名に返金する");
    const reportedStep = reported.getByText("委託先が完了と報告", { selector: ".status-step-label" });
    expect(reportedStep.closest("li")).toHaveAttribute("aria-current", "step");
    expect(reported.getByText("2025年10月1日")).toBeInTheDocument();
    const notYetVerified = reported
      .getByText("協会が確認済み", { selector: ".status-step-label" })
      .closest("li");
    expect(notYetVerified).not.toHaveAttribute("aria-current");
    expect(notYetVerified).toHaveTextContent("(未到達)");

    const verified = await card("対象の会員46名に順次お詫びの文書(資料3)を発送する");
    const verifiedStep = verified
      .getByText("協会が確認済み", { selector: ".status-step-label" })
      .closest("li");
    expect(verifiedStep).toHaveAttribute("aria-current", "step");
    expect(verifiedStep).toHaveTextContent("2025年10月10日");
    expect(verified.getByText("発送記録の写し")).toBeInTheDocument();
    expect(verified.queryByText("未報告")).not.toBeInTheDocument();
  });

  it("makes an overdue commitment stand out with a label, not colour alone", async () => {
    server.use(
      http.get(listPath, () =>
        listOf([
          view("cmt-3-refunds", { dueDate: "2025-09-30", overdue: true }),
          view("cmt-board-trust", {}),
        ]),
      ),
    );
    renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    const overdue = await card("二重請求された3名に返金する");
    expect(overdue.getByText("期限超過")).toBeInTheDocument();
    expect(overdue.getByText("2025年9月30日")).toBeInTheDocument();
    const onTime = await card("会員の信頼回復に努めること");
    expect(onTime.queryByText("期限超過")).not.toBeInTheDocument();
  });

  it("shows the same commitments as a table, with the CSV export", async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    await cards();
    await user.click(screen.getByRole("button", { name: "表" }));
    await waitFor(() => expect(router.state.location.search).toBe("?view=table"));
    const table = await screen.findByRole("table", { name: "約束・要求の一覧(表)" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map(
        (r) => within(r).getAllByRole("cell")[1]?.querySelector(".commitment-table-text")?.textContent,
      ),
    ).toEqual(ALL_JA);
    expect(within(table).getAllByText("期限なし")).toHaveLength(5);
    expect(screen.getByRole("button", { name: "CSVを書き出す" })).toBeEnabled();
  });

  it("opens one commitment from a link (?id=), and says when there is no such commitment", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?id=cmt-1-letters" });
    expect(await cardTitles()).toEqual(["対象の会員46名に順次お詫びの文書(資料3)を発送する"]);
    expect(screen.getByRole("link", { name: "すべての約束・要求を表示" })).toHaveAttribute(
      "href",
      "/commitments",
    );
  });

  it("says when a linked commitment does not exist", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?id=cmt-nope" });
    expect(
      await screen.findByText("ID「cmt-nope」の約束・要求は見つかりません。", {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it("holds the summary's five tiles while the figures load, so the filters and list below stay put", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(statsPath, async () => {
        await held;
      }),
    );
    const { container } = renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    const tiles = () => container.querySelectorAll(".commitment-summary .summary-tile");
    expect(tiles()).toHaveLength(5);
    // The skeleton's labels are drawn, not written: nothing of it is in the page's text.
    expect(screen.queryByText("期限超過", { selector: "dt" })).not.toBeInTheDocument();
    release();
    expect(await screen.findByText("期限超過", { selector: "dt" }, { timeout: 5000 })).toBeInTheDocument();
    expect(tiles()).toHaveLength(5);
  });

  it("shows the cards once the names are in: a vendor's name never replaces its id under the reader's eyes", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(`*${contract.listVendors.path}`, async () => {
        await held;
      }),
    );
    const { queryClient } = renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    await waitFor(() =>
      expect(queryClient.getQueriesData({ queryKey: ["commitments", "list"] })[0]?.[1]).toBeDefined(),
    );
    expect(screen.queryAllByRole("article")).toHaveLength(0);
    expect(screen.queryByText("sompo")).not.toBeInTheDocument();
    release();
    const first = await card("最後まで責任を持って対応する");
    expect(fact(first, "履行する側").getByRole("link", { name: "損保ジャパン" })).toBeInTheDocument();
  });

  it("shows an error with a retry that recovers", async () => {
    let fail = true;
    server.use(
      http.get(listPath, () => {
        if (!fail) return;
        return HttpResponse.json(problem(500, "boom"), { status: 500 });
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("データを読み込めませんでした");
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(await cardTitles()).toEqual(ALL_JA);
  });

  it("shows the summary's error state apart from the list", async () => {
    server.use(http.get(statsPath, () => HttpResponse.json(problem(500, "boom"), { status: 500 })));
    renderWithProviders(<CommitmentTracker />, { url: "/commitments" });
    const summary = within(await screen.findByRole("region", { name: /履行状況のまとめ/ }));
    expect(await summary.findByRole("alert")).toBeInTheDocument();
    expect(await cardTitles()).toEqual(ALL_JA);
  });

  it("speaks English", async () => {
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?kind=board_demand", lang: "en" });
    expect(await screen.findByRole("heading", { level: 1, name: "Commitments" })).toBeInTheDocument();
    expect(await cardTitles()).toEqual([
      "Work seriously on measures to prevent recurrence",
      "Work to restore members' trust",
    ]);
    const demand = await card("Work to restore members' trust");
    expect(demand.getByText("Board demand")).toBeInTheDocument();
    expect(demand.getByText("No due date")).toBeInTheDocument();
    expect(demand.getByText("Not reported")).toBeInTheDocument();
    expect(demand.getByText("undated")).toBeInTheDocument();
    expect(await screen.findByText(/None of the 5 commitments has a due date/)).toBeInTheDocument();
  });
});

describe("parseFilters", () => {
  it("keeps valid values and drops what the API would reject", () => {
    expect(
      parseFilters(
        new URLSearchParams(
          "vendor=sompo&kind=board_demand&status=verified&dueBefore=2025-10-01&overdue=true",
        ),
      ),
    ).toEqual({
      vendorId: "sompo",
      kind: "board_demand",
      status: "verified",
      dueBefore: "2025-10-01",
      overdue: "true",
    });
    expect(
      parseFilters(
        new URLSearchParams("vendor=Bad Id&kind=promise&status=done&dueBefore=2025-02-30&overdue=yes"),
      ),
    ).toEqual({});
  });
});

describe("CommitmentTracker: a record unlike the demo", () => {
  it("names every vendor that owes a promise and shows its dated history, a refused report as refused", async () => {
    serveRecord();
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?asOf=2026-01-20" });
    const notice = await card("全顧客へのお知らせの送付を完了する");
    // Owed by the contractor and its subcontractor: both named and linked.
    expect(notice.getByRole("link", { name: "架空BPO" })).toHaveAttribute("href", "/vendors/bpo");
    expect(notice.getByRole("link", { name: "架空印刷" })).toHaveAttribute("href", "/vendors/printer");
    const history = notice.getByRole("region", { name: "経過" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "2024年8月30日 委託先が完了を報告根拠:発送完了の報告",
      "2024年9月15日 委託先の完了報告を受け入れず再開理由:宛先不明で戻った分が未対応",
    ]);
    // Never verified: nothing says it was.
    expect(notice.getByText("委託先の完了報告を当社が受け入れず、再開しました。")).toBeInTheDocument();
    expect(notice.queryByText(/確認後|確認を取り消/)).not.toBeInTheDocument();
    const measures = await card("再発防止策を報告する");
    expect(
      within(measures.getByRole("region", { name: "経過" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["2025年10月20日 委託先が完了を報告根拠:再発防止策の完了報告", "2025年11月5日 当社が確認"]);
  });

  it("shows the history in the table and its CSV", async () => {
    serveRecord();
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?asOf=2026-01-20&view=table" });
    const table = await screen.findByRole("table", { name: "約束・要求の一覧(表)" }, { timeout: 5000 });
    const row = within(table)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("全顧客へのお知らせ")) as HTMLElement;
    expect(row).toHaveTextContent("2024年9月15日 委託先の完了報告を受け入れず再開");
    expect(row).toHaveTextContent("架空BPO、架空印刷");
  });

  it("shows the commitment as it stood on an earlier day: before the vendor's report, no history yet", async () => {
    serveRecord();
    renderWithProviders(<CommitmentTracker />, { url: "/commitments?asOf=2024-07-25" });
    const notice = await card("全顧客へのお知らせの送付を完了する");
    expect(notice.getByText("完了の報告・確認・再開の記録はまだありません。")).toBeInTheDocument();
  });
});
