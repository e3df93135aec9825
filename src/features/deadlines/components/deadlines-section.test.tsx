import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import type { TDeadline, TDeadlines } from "@/shared/schemas/deadline";
import { renderWithProviders } from "@/test/render";
import { DeadlinesSection } from "./deadlines-section";

const SLOW = { timeout: 5000 };

/** A vendor promise overdue and one due soon: the demo case has no commitment with a due date. */
const promise = (over: Partial<TDeadline>): TDeadline => ({
  key: "VENDOR_PROMISE:cmt-x",
  rule: "VENDOR_PROMISE",
  incidentId: "inc-3",
  commitmentId: "cmt-x",
  vendorId: "sompo",
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
    expect(rows[0]).toHaveTextContent("損保ジャパン");
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
    expect(screen.queryByRole("table", { name: /すべての期限/ })).not.toBeVisible();
    await user.click(all);
    expect(router.state.location.search).toBe("?deadlines=all");
    const table = screen.getByRole("table", { name: "すべての期限(10件)" });
    // The unreported statutory reports are there as 未報告, never as met.
    const final = within(table)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("個人情報保護委員会への確報"));
    expect(final).toHaveTextContent("未報告");
    expect(final).toHaveTextContent("2025年6月20日");
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
