import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import type { TDeadline, TDeadlines } from "@/shared/schemas/deadline";
import { MEETING_2024, serveRecord } from "@/test/backdated-meeting-record";
import { renderWithProviders } from "@/test/render";
import { DeadlinesSection } from "./deadlines-section";

const SLOW = { timeout: 5000 };

/** A vendor promise overdue and one due soon: the demo case has no commitment with a due date. */
const promise = (over: Partial<TDeadline>): TDeadline => ({
  key: "VENDOR_PROMISE:cmt-x",
  rule: "VENDOR_PROMISE",
  owner: "vendor",
  caseId: "case-2025",
  incidentId: "inc-3",
  commitmentId: "cmt-x",
  // Owed by both: the table names every owing vendor, not only the first.
  vendorIds: ["sompo", "partners"],
  regulatoryActionId: null,
  label: { ja: "二重請求された3名に返金する", en: "Refund the 3 members billed twice" },
  startDate: "2025-09-05",
  dueDate: "2025-10-31",
  guideline: false,
  doneDate: null,
  state: "overdue",
  daysLeft: -3,
  basis: { ja: "委託先の約束", en: "The vendor's promise" },
  source: { documentId: "doc-5", cites: [] },
  missing: null,
  ...over,
});

const answer: TDeadlines = {
  asOf: "2025-11-03",
  withinDays: 14,
  dayCounting: "exclude_first_day",
  counts: { overdue: 1, dueSoon: 1, notReported: 0 },
  total: 3,
  limit: 100,
  offset: 0,
  items: [
    promise({}),
    promise({
      key: "VENDOR_PROMISE:cmt-y",
      commitmentId: "cmt-y",
      label: { ja: "再発防止策を報告する", en: "Report the measures" },
      dueDate: "2025-11-10",
      state: "due_soon",
      daysLeft: 7,
    }),
    promise({
      key: "VENDOR_PROMISE:cmt-z",
      commitmentId: "cmt-z",
      label: { ja: "会員へ通知する", en: "Notify the members" },
      dueDate: "2025-10-01",
      doneDate: "2025-09-30",
      state: "met",
      daysLeft: -33,
    }),
  ],
};

describe("DeadlinesSection (commitments tracker)", () => {
  it("lists what is overdue and due within 14 days, each linked to its commitment", async () => {
    server.use(http.get(`*${contract.listDeadlines.path}`, () => HttpResponse.json(answer)));
    renderWithProviders(<DeadlinesSection asOf="2025-11-03" />, { url: "/commitments" });
    const table = await screen.findByRole("table", { name: /期限超過と14日以内の期限\(2件/ }, SLOW);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("期限超過");
    expect(rows[0]).toHaveTextContent("3日超過");
    expect(rows[0]).toHaveTextContent("委託先の義務");
    expect(within(rows[0] as HTMLElement).getByRole("link", { name: "損保ジャパン" })).toHaveAttribute(
      "href",
      "/vendors/sompo",
    );
    expect(
      within(rows[0] as HTMLElement).getByRole("link", { name: "損保ジャパンパートナーズ" }),
    ).toHaveAttribute("href", "/vendors/partners");
    expect(
      within(rows[0] as HTMLElement).getByRole("link", { name: "二重請求された3名に返金する" }),
    ).toHaveAttribute("href", "/commitments?id=cmt-x");
    expect(rows[1]).toHaveTextContent("あと7日");
    // What was met stays out of the short list.
    expect(within(table).queryByText("会員へ通知する")).not.toBeInTheDocument();
  });

  it("opens the full list from its address, and keeps the choice in the address", async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<DeadlinesSection asOf="2025-09-30" />, { url: "/commitments" });
    const all = await screen.findByText(/すべての期限を表示\(全10件/, {}, SLOW);
    expect(screen.queryByRole("table", { name: /すべての期限/ })).not.toBeInTheDocument();
    await user.click(all);
    expect(router.state.location.search).toBe("?deadlines=all");
    const table = await screen.findByRole("table", { name: "すべての期限(10件)" }, SLOW);
    // The unreported statutory reports are there as 未報告, never as met.
    const final = within(table)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("個人情報保護委員会への確報"));
    expect(final).toHaveTextContent("未報告");
    expect(final).toHaveTextContent("2025年6月20日");
  });

  it("says how many of the total it shows, and shows every deadline on request", async () => {
    const many = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        promise({
          key: `VENDOR_PROMISE:cmt-${from + i}`,
          commitmentId: `cmt-${from + i}`,
          label: { ja: `約束${from + i}`, en: `Promise ${from + i}` },
          state: "upcoming",
          daysLeft: 30,
          dueDate: "2025-12-03",
        }),
      );
    const offsets: number[] = [];
    server.use(
      http.get(`*${contract.listDeadlines.path}`, ({ request }) => {
        const url = new URL(request.url);
        const limit = Number(url.searchParams.get("limit") ?? 100);
        const offset = Number(url.searchParams.get("offset") ?? 0);
        offsets.push(offset);
        const items = many(0, 130).slice(offset, offset + limit);
        return HttpResponse.json({
          ...answer,
          counts: { overdue: 0, dueSoon: 0, notReported: 0 },
          total: 130,
          limit,
          offset,
          items,
        });
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<DeadlinesSection asOf="2025-11-03" />, { url: "/commitments?deadlines=all" });
    const table = await screen.findByRole("table", { name: "すべての期限(130件)" }, SLOW);
    expect(within(table).getAllByRole("row").slice(1)).toHaveLength(100);
    expect(screen.getByText("130件中100件を表示しています(差し迫ったものから)。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "残りの30件も表示する" }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("table", { name: "すべての期限(130件)" })).getAllByRole("row"),
      ).toHaveLength(131),
    );
    expect(screen.queryByText(/件中.*件を表示しています/)).not.toBeInTheDocument();
  });

  it("says whose duty each clock is, from the record: the organisation's own filings and every owing vendor", async () => {
    serveRecord();
    renderWithProviders(<DeadlinesSection asOf={MEETING_2024} />, { url: "/commitments?deadlines=all" });
    const table = await screen.findByRole("table", { name: "すべての期限(6件)" }, SLOW);
    const row = (text: string) =>
      within(table)
        .getAllByRole("row")
        .find((r) => r.textContent?.includes(text)) as HTMLElement;
    // The company's data, entrusted to the contractor: the PPC report is the company's own duty.
    expect(row("個人情報保護委員会への確報")).toHaveTextContent("当社の義務");
    expect(row("個人情報保護委員会への確報")).not.toHaveTextContent("委託先の義務");
    expect(row("個人情報保護委員会への確報")).not.toHaveTextContent("保険会社");
    // The promise is owed by the contractor and its subcontractor: both are named.
    const promised = row("全顧客へのお知らせの送付を完了する");
    expect(within(promised).getByRole("link", { name: "架空BPO" })).toBeInTheDocument();
    expect(within(promised).getByRole("link", { name: "架空印刷" })).toBeInTheDocument();
    // The board is the company's own: the clock says so.
    expect(row("取締役会への報告(3か月ごと)")).toHaveTextContent("2024年10月25日");
    // One case in the record: the rows do not repeat it.
    expect(table).not.toHaveTextContent("事案:");
  });

  it("names each deadline's case when the record follows more than one", async () => {
    const kase = (id: string, ja: string) => ({
      id,
      title: { ja, en: ja },
      summary: null,
      status: "open" as const,
      version: 1,
    });
    server.use(
      http.get(`*${contract.listDeadlines.path}`, () => HttpResponse.json(answer)),
      http.get(`*${contract.listCases.path}`, () =>
        HttpResponse.json({
          items: [kase("case-2025", "保険制度の一連の事案"), kase("case-dm", "DM発送の事案")],
          total: 2,
          limit: 500,
          offset: 0,
        }),
      ),
    );
    renderWithProviders(<DeadlinesSection asOf="2025-11-03" />, { url: "/commitments" });
    const table = await screen.findByRole("table", { name: /期限超過と14日以内の期限/ }, SLOW);
    expect(within(table).getAllByText("事案: 保険制度の一連の事案")).toHaveLength(2);
  });

  it("says when nothing is overdue or due soon", async () => {
    renderWithProviders(<DeadlinesSection asOf="2025-09-30" />, { url: "/commitments?deadlines=all" });
    expect(
      await screen.findByText("期限を超過したもの、14日以内に期限が来るものはありません。", {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "すべての期限(10件)" })).toBeVisible();
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
    renderWithProviders(<DeadlinesSection asOf="2025-09-30" />);
    expect(await screen.findByRole("button", { name: "再試行" }, SLOW)).toBeInTheDocument();
  });
});
