import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { renderApp } from "@/test/render";

const SLOW = { timeout: 5000 };
const TITLE = "団体保険制度の委託先における一連の事案(2025年)";

/** A second case, closed, with no incident yet: it has no portfolio line. */
const addClosedCase = () => {
  mockStore.data = {
    ...mockStore.data,
    cases: [
      ...mockStore.data.cases,
      {
        id: "case-closed",
        title: { ja: "終わった事案", en: "A closed case" },
        summary: null,
        status: "closed",
        version: 1,
      },
    ],
  };
};

describe("Cases (/cases)", () => {
  it("lists each case with its figures per population, and the way to its own overview", async () => {
    renderApp("/cases");
    const table = await screen.findByRole("table", { name: "事案(1件)" }, SLOW);
    const row = within(table).getByRole("link", { name: TITLE }).closest("tr") as HTMLElement;
    expect(within(row).getByRole("link", { name: TITLE })).toHaveAttribute(
      "href",
      "/cases/case-2025-insurance",
    );
    expect(row).toHaveTextContent("対応中");
    expect(row).toHaveTextContent("3件");
    // People of the population, with its name; the press figure beside, marked and not in the total.
    expect(row).toHaveTextContent("会員 1,909名");
    expect(within(row).getByText("記録外")).toHaveClass("outside-mark");
    expect(within(row).getByText("記録外の数値(合計に含めない)")).toBeInTheDocument();
    expect(within(row).getByRole("link", { name: `${TITLE}の概要` })).toHaveAttribute(
      "href",
      "/?caseId=case-2025-insurance",
    );
  });

  it("filters by status in the address, and says when nothing matches", async () => {
    const user = userEvent.setup();
    addClosedCase();
    const { router } = renderApp("/cases");
    const table = await screen.findByRole("table", { name: "事案(2件)" }, SLOW);
    const closed = within(table).getByRole("link", { name: "終わった事案" }).closest("tr") as HTMLElement;
    // No incident yet: no figures, and no overview to open.
    expect(closed).toHaveTextContent("事故の登録なし");
    expect(within(closed).queryByRole("link", { name: /の概要$/ })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("状態"), "closed");
    await waitFor(() => expect(router.state.location.search).toBe("?status=closed"));
    expect(await screen.findByRole("table", { name: "事案(1件)" }, SLOW)).toHaveTextContent("終わった事案");
    expect(screen.queryByText(TITLE)).not.toBeInTheDocument();

    mockStore.data = { ...mockStore.data, cases: mockStore.data.cases.filter((c) => c.id !== "case-closed") };
    renderApp("/cases?status=closed");
    expect(await screen.findByText("この条件に当てはまる事案はありません。", {}, SLOW)).toBeInTheDocument();
  });

  it("offers editors to add a case, and a viewer nothing to press", async () => {
    const editor = renderApp("/cases");
    expect(await screen.findByRole("link", { name: "事案を登録" }, SLOW)).toHaveAttribute(
      "href",
      "/cases/new",
    );
    editor.unmount();
    signInMock("viewer");
    renderApp("/cases");
    await screen.findByRole("table", { name: "事案(1件)" }, SLOW);
    expect(screen.queryByRole("link", { name: "事案を登録" })).not.toBeInTheDocument();
  });

  it("invites the first case in an empty record", async () => {
    mockStore.data = { ...mockStore.data, cases: [], incidents: [], cohorts: [], commitments: [] };
    renderApp("/cases");
    expect(await screen.findByText("まだ事案はありません。", {}, SLOW)).toBeInTheDocument();
    expect(
      screen.getByText("最初の事案を登録すると、事故をその事案に登録できるようになります。"),
    ).toBeInTheDocument();
  });

  it("reads in English, with the population's own word", async () => {
    renderApp("/cases", { lang: "en" });
    const table = await screen.findByRole("table", { name: "Cases (1)" }, SLOW);
    expect(table).toHaveTextContent("members: 1,909 people");
    expect(within(table).getByText("Open")).toBeInTheDocument();
  });
});
