import { screen, within } from "@testing-library/react";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { renderApp } from "@/test/render";

const SLOW = { timeout: 5000 };
const TITLE = "団体保険制度の委託先における一連の事案(2025年)";

describe("A case (/cases/:caseId)", () => {
  it("shows its figures as the API computes them, its incidents, and views scoped to it", async () => {
    renderApp("/cases/case-2025-insurance");
    expect(await screen.findByRole("heading", { level: 1, name: TITLE }, SLOW)).toBeInTheDocument();
    const figures = await screen.findByRole("region", { name: /^この事案の数値/ }, SLOW);
    // The section is there while its figures load: wait for them.
    const affected = (await within(figures).findByText("影響を受けた人・件数", {}, SLOW)).closest(
      "div",
    ) as HTMLElement;
    expect(affected).toHaveTextContent("会員 1,909名");
    expect(within(affected).getByText("記録外")).toHaveClass("outside-mark");
    // Money put right and letters sent are separate lines, never one figure.
    const remediation = within(figures).getByText("是正・通知の進み具合").closest("div") as HTMLElement;
    expect(remediation).toHaveTextContent("会員: 1,860名/1,863名 是正済み");
    expect(remediation).toHaveTextContent("会員: 対象 46名、状況は未報告");
    expect(remediation).not.toHaveTextContent("送付済み");
    expect(within(figures).getByText("未完了の約束・要求").closest("div")).toHaveTextContent("5件");

    const incidents = screen.getByRole("table", { name: "この事案の事故(3件)" });
    expect(within(incidents).getByRole("link", { name: "保険料の二重請求" })).toHaveAttribute(
      "href",
      "/incidents/inc-3",
    );
    expect(incidents).toHaveTextContent("会員 3名");
    expect(incidents).toHaveTextContent("損保ジャパン、損保ジャパンパートナーズ");

    const links = screen.getByRole("navigation", { name: "この事案に絞って見る" });
    expect(within(links).getByRole("link", { name: "概要(この事案のみ)" })).toHaveAttribute(
      "href",
      "/?caseId=case-2025-insurance",
    );
    expect(within(links).getByRole("link", { name: "期限(この事案のみ)" })).toHaveAttribute(
      "href",
      "/?caseId=case-2025-insurance#deadlines",
    );
    expect(screen.getByRole("link", { name: "事案を編集" })).toHaveAttribute(
      "href",
      "/cases/case-2025-insurance/edit",
    );
    expect(screen.getByRole("link", { name: "この事案に事故を登録" })).toHaveAttribute(
      "href",
      "/incidents/new?caseId=case-2025-insurance",
    );
  });

  it("says a case without incidents has no figures yet, and shows a viewer no button", async () => {
    signInMock("viewer");
    mockStore.data = {
      ...mockStore.data,
      cases: [
        ...mockStore.data.cases,
        {
          id: "case-new",
          title: { ja: "新しい事案", en: "A new case" },
          summary: null,
          status: "open",
          version: 1,
        },
      ],
    };
    renderApp("/cases/case-new");
    expect(await screen.findByRole("heading", { level: 1, name: "新しい事案" }, SLOW)).toBeInTheDocument();
    expect(screen.getByText("概要は記録されていません。")).toBeInTheDocument();
    expect(
      await screen.findByText("この事案にはまだ事故が登録されていないため、数値はありません。", {}, SLOW),
    ).toBeInTheDocument();
    expect(await screen.findByText("この事案の事故はまだ登録されていません。", {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "事案を編集" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "この事案に事故を登録" })).not.toBeInTheDocument();
  });

  it("says so for an id that names no case", async () => {
    renderApp("/cases/no-such-case");
    expect(
      await screen.findByRole("heading", { level: 1, name: "事案が見つかりません" }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← 事案の一覧へ" })).toHaveAttribute("href", "/cases");
  });

  it("reads in English", async () => {
    renderApp("/cases/case-2025-insurance", { lang: "en" });
    const figures = await screen.findByRole("region", { name: /^Figures of this case/ }, SLOW);
    expect(
      await within(figures).findByText("members: 1,860 of 1,863 people put right", {}, SLOW),
    ).toBeVisible();
    expect(figures).toHaveTextContent("members: 1,909 people");
  });
});
