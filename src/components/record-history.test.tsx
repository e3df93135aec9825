import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { contract } from "@/shared/contract";
import { PROBLEM_CONTENT_TYPE, problem } from "@/shared/http";
import { CSRF_HEADER, type TSession } from "@/shared/schemas/auth";
import { renderWithProviders } from "@/test/render";
import { RecordHistory } from "./record-history";

const SLOW = { timeout: 5000 };

// UI tests run against the mocks, signed in as an editor (src/test/setup-ui.ts); shared components may not
// import the mocks, so requests are made, watched and failed through fetch itself.

/** Records the three refunds as done, as the secretariat would (through the mocks' API). */
const recordRefunds = async () => {
  const session = (await (await fetch(`http://localhost${contract.getSession.path}`)).json()) as TSession;
  const csrfToken = session.csrfToken;
  const res = await fetch("http://localhost/api/v1/cohorts/coh-3-refund/progress", {
    method: "POST",
    headers: { "content-type": "application/json", [CSRF_HEADER]: csrfToken },
    body: JSON.stringify({
      version: 1,
      date: "2025-09-30",
      doneCount: { status: "reported", value: 3, source: { documentId: "notice", cites: [] } },
      note: null,
      source: { documentId: "notice", cites: [] },
      cohortStatus: "completed",
    }),
  });
  expect(res.status).toBe(200);
};

/** The audit queries the page makes from now on; `fail` answers them with a 500 instead. */
const watchAudit = (options: { fail?: () => boolean } = {}) => {
  const seen: string[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === contract.listAudit.path) {
      seen.push(url.search);
      if (options.fail?.()) {
        return Promise.resolve(
          new Response(JSON.stringify(problem(500, "boom")), {
            status: 500,
            headers: { "content-type": PROBLEM_CONTENT_TYPE },
          }),
        );
      }
    }
    return realFetch(input, init);
  });
  return seen;
};

describe("RecordHistory", () => {
  it("is collapsed and asks for nothing until opened; then shows who changed what, in words", async () => {
    await recordRefunds();
    const seen = watchAudit();
    const user = userEvent.setup();
    renderWithProviders(<RecordHistory record={{ entityType: "incident", entityId: "inc-3" }} withCohorts />);
    const section = screen.getByRole("region", { name: "変更履歴" });
    expect(within(section).getByRole("heading", { level: 2, name: "変更履歴" })).toBeInTheDocument();
    expect(within(section).queryByRole("list")).not.toBeInTheDocument();
    expect(seen).toEqual([]);

    await user.click(within(section).getByText("変更履歴"));
    const list = await within(section).findByRole("list", { name: "変更履歴(新しい順)" }, SLOW);
    const [entry] = within(list)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === list);
    expect(entry).toHaveTextContent("Demo editor");
    expect(entry).toHaveTextContent("進捗を記録");
    // The group is named: the entry is about the incident's remediation, not the incident itself.
    expect(entry).toHaveTextContent("是正の対象グループ:二重請求された加入者への返金");
    expect(within(entry as HTMLElement).getByText("状態:対応中 → 完了(委託先報告)")).toBeInTheDocument();
    expect(within(entry as HTMLElement).getByText("進捗:(なし) → 1件")).toBeInTheDocument();
    expect(within(entry as HTMLElement).getByText(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/)).toHaveAttribute(
      "datetime",
    );
    // One request for the incident, one for each of its groups.
    expect(seen.some((q) => q.includes("entityType=incident") && q.includes("entityId=inc-3"))).toBe(true);
    expect(seen.some((q) => q.includes("entityType=cohort") && q.includes("entityId=coh-3-refund"))).toBe(
      true,
    );
  });

  it("says so when nothing was recorded since the record was loaded (ja, en)", async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithProviders(
      <RecordHistory record={{ entityType: "document", entityId: "notice" }} />,
    );
    await user.click(screen.getByText("変更履歴"));
    expect(
      await screen.findByText("初期データの読み込み以降、この記録の変更は記録されていません。", {}, SLOW),
    ).toBeInTheDocument();
    unmount();
    renderWithProviders(
      <RecordHistory record={{ entityType: "document", entityId: "notice" }} variant="card" />,
      {
        lang: "en",
      },
    );
    const section = screen.getByRole("region", { name: "History" });
    expect(within(section).getByRole("heading", { level: 4 })).toHaveTextContent("History");
    await user.click(within(section).getByText("History"));
    expect(
      await within(section).findByText("No changes recorded since the record was loaded.", {}, SLOW),
    ).toBeInTheDocument();
  });

  it("shows an error with a retry when the history cannot be read", async () => {
    let failing = true;
    watchAudit({ fail: () => failing });
    const user = userEvent.setup();
    renderWithProviders(<RecordHistory record={{ entityType: "meeting", entityId: "mtg-2025-3" }} />);
    await user.click(screen.getByText("変更履歴"));
    const alert = await screen.findByRole("alert", {}, SLOW);
    expect(alert).toHaveTextContent("データを読み込めませんでした");
    failing = false;
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });
});
